CREATE TABLE `stocktake_absences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`expected_location_id` integer NOT NULL,
	`loan_id` integer,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expected_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktake_absences_unique` ON `stocktake_absences` (`stocktake_id`,`dossier_id`);--> statement-breakpoint
CREATE TABLE `stocktake_finishes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`finished_by` integer NOT NULL,
	`finished_at` text NOT NULL,
	`corrected` integer NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finished_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stocktake_finishes_stocktake_unique` ON `stocktake_finishes` (`stocktake_id`);--> statement-breakpoint
CREATE TABLE `stocktake_scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stocktake_id` integer NOT NULL,
	`archive_number` text NOT NULL,
	`dossier_id` integer,
	`outcome` text NOT NULL,
	`expected_location_id` integer,
	`loan_id` integer,
	`scanned_by` integer NOT NULL,
	`scanned_at` text NOT NULL,
	FOREIGN KEY (`stocktake_id`) REFERENCES `stocktakes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`expected_location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`loan_id`) REFERENCES `loans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scanned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_scans_number_idx` ON `stocktake_scans` (`stocktake_id`,`archive_number`);--> statement-breakpoint
CREATE INDEX `stocktake_scans_dossier_idx` ON `stocktake_scans` (`stocktake_id`,`dossier_id`);--> statement-breakpoint
CREATE TABLE `stocktakes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer NOT NULL,
	`started_by` integer NOT NULL,
	`started_at` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktakes_location_idx` ON `stocktakes` (`location_id`);
--> statement-breakpoint
-- The stocktake register is append-only (ARCHITECTURE.md §9): nothing written is changed or removed,
-- and a finished stocktake takes no more entries.
CREATE TRIGGER `stocktakes_no_update` BEFORE UPDATE ON `stocktakes`
BEGIN
  SELECT RAISE(ABORT, 'stocktakes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktakes_no_delete` BEFORE DELETE ON `stocktakes`
BEGIN
  SELECT RAISE(ABORT, 'stocktakes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_no_update` BEFORE UPDATE ON `stocktake_scans`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_no_delete` BEFORE DELETE ON `stocktake_scans`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_finishes_no_update` BEFORE UPDATE ON `stocktake_finishes`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_finishes_no_delete` BEFORE DELETE ON `stocktake_finishes`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_absences_no_update` BEFORE UPDATE ON `stocktake_absences`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_absences is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_absences_no_delete` BEFORE DELETE ON `stocktake_absences`
BEGIN
  SELECT RAISE(ABORT, 'stocktake_absences is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_after_finish` BEFORE INSERT ON `stocktake_scans`
WHEN EXISTS (SELECT 1 FROM `stocktake_finishes` WHERE `stocktake_id` = NEW.`stocktake_id`)
BEGIN
  SELECT RAISE(ABORT, 'the stocktake is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_finishes_after_finish` BEFORE INSERT ON `stocktake_finishes`
WHEN EXISTS (SELECT 1 FROM `stocktake_finishes` WHERE `stocktake_id` = NEW.`stocktake_id`)
BEGIN
  SELECT RAISE(ABORT, 'the stocktake is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_absences_after_finish` BEFORE INSERT ON `stocktake_absences`
WHEN EXISTS (SELECT 1 FROM `stocktake_finishes` WHERE `stocktake_id` = NEW.`stocktake_id`)
BEGIN
  SELECT RAISE(ABORT, 'the stocktake is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktakes_no_replace` BEFORE INSERT ON `stocktakes`
WHEN EXISTS (SELECT 1 FROM `stocktakes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktakes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_scans_no_replace` BEFORE INSERT ON `stocktake_scans`
WHEN EXISTS (SELECT 1 FROM `stocktake_scans` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_scans is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_finishes_no_replace` BEFORE INSERT ON `stocktake_finishes`
WHEN EXISTS (SELECT 1 FROM `stocktake_finishes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `stocktake_absences_no_replace` BEFORE INSERT ON `stocktake_absences`
WHEN EXISTS (SELECT 1 FROM `stocktake_absences` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_absences is append-only');
END;
