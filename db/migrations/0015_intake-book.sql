CREATE TABLE `intake_dossiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intake_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`opened_here` integer NOT NULL,
	`trigger_date` text,
	`trigger_field` text,
	`deadline` text,
	`workdays_late` integer,
	`items` text NOT NULL,
	`missing_count` integer NOT NULL,
	FOREIGN KEY (`intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_dossiers_unique` ON `intake_dossiers` (`intake_id`,`dossier_id`);--> statement-breakpoint
CREATE INDEX `intake_dossiers_dossier_idx` ON `intake_dossiers` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `intake_dossiers_late_idx` ON `intake_dossiers` (`intake_id`) WHERE "intake_dossiers"."workdays_late" > 0;--> statement-breakpoint
CREATE TABLE `intakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handed_over_at` text NOT NULL,
	`from_department_id` integer NOT NULL,
	`handed_by_name` text NOT NULL,
	`handed_by_user_id` integer,
	`received_by` integer NOT NULL,
	`shortage_note` text,
	`handed_by_signature` text NOT NULL,
	`receiver_signature` text NOT NULL,
	`corrects_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`from_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intakes_handed_over_idx` ON `intakes` (`handed_over_at`);--> statement-breakpoint
CREATE INDEX `intakes_department_idx` ON `intakes` (`from_department_id`,`handed_over_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `intakes_corrects_unique` ON `intakes` (`corrects_id`);--> statement-breakpoint
CREATE TABLE `open_shortages` (
	`dossier_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`item_name` text NOT NULL,
	`since_intake_id` integer NOT NULL,
	`last_intake_id` integer NOT NULL,
	PRIMARY KEY(`dossier_id`, `item_key`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`since_intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_intake_id`) REFERENCES `intakes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `open_shortages_since_idx` ON `open_shortages` (`since_intake_id`);--> statement-breakpoint
-- The intake book is append-only (CF-13, RT-07): a wrong entry is corrected by a new one naming
-- it, never edited; nothing is deleted. open_shortages is derived from it and rebuilt freely.
CREATE TRIGGER `intakes_no_update` BEFORE UPDATE ON `intakes`
BEGIN
  SELECT RAISE(ABORT, 'intakes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `intakes_no_delete` BEFORE DELETE ON `intakes`
BEGIN
  SELECT RAISE(ABORT, 'intakes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `intake_dossiers_no_update` BEFORE UPDATE ON `intake_dossiers`
BEGIN
  SELECT RAISE(ABORT, 'intake_dossiers is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `intake_dossiers_no_delete` BEFORE DELETE ON `intake_dossiers`
BEGIN
  SELECT RAISE(ABORT, 'intake_dossiers is append-only');
END;
