CREATE TABLE `legal_hold_lifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hold_id` integer NOT NULL,
	`reason` text NOT NULL,
	`lifted_by` integer NOT NULL,
	`lifted_at` text NOT NULL,
	FOREIGN KEY (`hold_id`) REFERENCES `legal_holds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `legal_hold_lifts_hold_idx` ON `legal_hold_lifts` (`hold_id`);--> statement-breakpoint
CREATE TABLE `legal_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`reason` text NOT NULL,
	`case_number` text,
	`placed_by` integer NOT NULL,
	`placed_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`placed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_holds_dossier_idx` ON `legal_holds` (`dossier_id`);
--> statement-breakpoint
CREATE TRIGGER `legal_holds_no_update` BEFORE UPDATE ON `legal_holds`
BEGIN
  SELECT RAISE(ABORT, 'legal_holds is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `legal_holds_no_delete` BEFORE DELETE ON `legal_holds`
BEGIN
  SELECT RAISE(ABORT, 'legal_holds is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `legal_holds_no_replace` BEFORE INSERT ON `legal_holds`
WHEN EXISTS (SELECT 1 FROM `legal_holds` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'legal_holds is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `legal_hold_lifts_no_update` BEFORE UPDATE ON `legal_hold_lifts`
BEGIN
  SELECT RAISE(ABORT, 'legal_hold_lifts is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `legal_hold_lifts_no_delete` BEFORE DELETE ON `legal_hold_lifts`
BEGIN
  SELECT RAISE(ABORT, 'legal_hold_lifts is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `legal_hold_lifts_no_replace` BEFORE INSERT ON `legal_hold_lifts`
WHEN EXISTS (SELECT 1 FROM `legal_hold_lifts` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'legal_hold_lifts is append-only');
END;
