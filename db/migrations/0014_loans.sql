CREATE TABLE `loan_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`loan_id` integer NOT NULL,
	`received_by` integer NOT NULL,
	`returned_at` text NOT NULL,
	`findings` text NOT NULL,
	`returner_signature` text NOT NULL,
	`note` text,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loan_returns_loan_unique` ON `loan_returns` (`loan_id`);--> statement-breakpoint
CREATE INDEX `loan_returns_returned_idx` ON `loan_returns` (`returned_at`);--> statement-breakpoint
CREATE TABLE `loans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`kind` text NOT NULL,
	`borrower_id` integer,
	`handed_out_by` integer NOT NULL,
	`handed_out_at` text NOT NULL,
	`due_on` text NOT NULL,
	`documents` text NOT NULL,
	`borrower_signature` text NOT NULL,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `approval_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`borrower_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handed_out_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loans_request_unique` ON `loans` (`request_id`);--> statement-breakpoint
CREATE INDEX `loans_dossier_idx` ON `loans` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `loans_borrower_idx` ON `loans` (`borrower_id`);--> statement-breakpoint
CREATE INDEX `loans_handed_out_idx` ON `loans` (`handed_out_at`);--> statement-breakpoint
CREATE INDEX `loans_due_idx` ON `loans` (`due_on`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`key` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_user_key_unique` ON `notices` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `notices_user_idx` ON `notices` (`user_id`,`read_at`);--> statement-breakpoint
-- The loan register and its returns are append-only (CF-13, RT-07): a wrong entry is corrected
-- by a new one, never edited; nothing is deleted.
CREATE TRIGGER `loans_no_update` BEFORE UPDATE ON `loans`
BEGIN
  SELECT RAISE(ABORT, 'loans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loans_no_delete` BEFORE DELETE ON `loans`
BEGIN
  SELECT RAISE(ABORT, 'loans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_returns_no_update` BEFORE UPDATE ON `loan_returns`
BEGIN
  SELECT RAISE(ABORT, 'loan_returns is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_returns_no_delete` BEFORE DELETE ON `loan_returns`
BEGIN
  SELECT RAISE(ABORT, 'loan_returns is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loans_no_replace` BEFORE INSERT ON `loans`
WHEN EXISTS (SELECT 1 FROM `loans` WHERE `id` = NEW.`id` OR `request_id` = NEW.`request_id`)
BEGIN
  SELECT RAISE(ABORT, 'loans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `loan_returns_no_replace` BEFORE INSERT ON `loan_returns`
WHEN EXISTS (SELECT 1 FROM `loan_returns` WHERE `id` = NEW.`id` OR `loan_id` = NEW.`loan_id`)
BEGIN
  SELECT RAISE(ABORT, 'loan_returns is append-only');
END;
