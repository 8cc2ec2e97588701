CREATE TABLE `loan_return_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`corrected_by` integer NOT NULL,
	`corrected_at` text NOT NULL,
	`findings` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loan_return_corrections_loan_idx` ON `loan_return_corrections` (`loan_id`,`id`);--> statement-breakpoint
-- Corrections are register entries too: never edited, never deleted.
CREATE TRIGGER `loan_return_corrections_no_update` BEFORE UPDATE ON `loan_return_corrections`
BEGIN
  SELECT RAISE(ABORT, 'loan_return_corrections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_return_corrections_no_delete` BEFORE DELETE ON `loan_return_corrections`
BEGIN
  SELECT RAISE(ABORT, 'loan_return_corrections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_return_corrections_no_replace` BEFORE INSERT ON `loan_return_corrections`
WHEN EXISTS (SELECT 1 FROM `loan_return_corrections` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'loan_return_corrections is append-only');
END;
