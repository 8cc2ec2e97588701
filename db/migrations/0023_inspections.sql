CREATE TABLE `inspection_checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`item` text NOT NULL,
	`status` text NOT NULL,
	`reading` real,
	`note` text,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_checks_item_unique` ON `inspection_checks` (`inspection_id`,`item`);--> statement-breakpoint
CREATE TABLE `inspection_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_findings_inspection_idx` ON `inspection_findings` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `inspection_findings_dossier_idx` ON `inspection_findings` (`dossier_id`);--> statement-breakpoint
CREATE TABLE `inspection_finishes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`inspectors` text NOT NULL,
	`remarks` text,
	`finished_by` integer NOT NULL,
	`finished_at` text NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`finished_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspection_finishes_inspection_unique` ON `inspection_finishes` (`inspection_id`);--> statement-breakpoint
CREATE INDEX `inspection_finishes_on_idx` ON `inspection_finishes` (`inspected_on`);--> statement-breakpoint
CREATE TABLE `inspection_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`source_name` text NOT NULL,
	`added_by` integer NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `inspection_findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `scan_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspection_photos_finding_idx` ON `inspection_photos` (`finding_id`);--> statement-breakpoint
CREATE INDEX `inspection_photos_file_idx` ON `inspection_photos` (`file_id`);--> statement-breakpoint
CREATE TABLE `inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`location_id` integer,
	`started_by` integer NOT NULL,
	`started_at` text NOT NULL,
	FOREIGN KEY (`location_id`) REFERENCES `locations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inspections_location_idx` ON `inspections` (`location_id`);--> statement-breakpoint
CREATE TABLE `repair_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`finding_id` integer NOT NULL,
	`instructions` text NOT NULL,
	`ordered_by` integer NOT NULL,
	`ordered_at` text NOT NULL,
	FOREIGN KEY (`finding_id`) REFERENCES `inspection_findings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ordered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_orders_finding_unique` ON `repair_orders` (`finding_id`);--> statement-breakpoint
CREATE TABLE `repair_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`repaired_by` text NOT NULL,
	`repaired_on` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `repair_orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_outcomes_order_unique` ON `repair_outcomes` (`order_id`);
--> statement-breakpoint
-- The inspection register is append-only (ARCHITECTURE.md §9). An open inspection's checklist, findings and
-- photos are a draft; its finish freezes them. The inspection itself, its finish, repair orders and
-- their outcomes are never changed or removed.
CREATE TRIGGER `inspections_no_update` BEFORE UPDATE ON `inspections`
BEGIN
  SELECT RAISE(ABORT, 'inspections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_delete` BEFORE DELETE ON `inspections`
BEGIN
  SELECT RAISE(ABORT, 'inspections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspections_no_replace` BEFORE INSERT ON `inspections`
WHEN EXISTS (SELECT 1 FROM `inspections` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'inspections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_finishes_no_update` BEFORE UPDATE ON `inspection_finishes`
BEGIN
  SELECT RAISE(ABORT, 'inspection_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_finishes_no_delete` BEFORE DELETE ON `inspection_finishes`
BEGIN
  SELECT RAISE(ABORT, 'inspection_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_finishes_no_replace` BEFORE INSERT ON `inspection_finishes`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'inspection_finishes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_orders_no_update` BEFORE UPDATE ON `repair_orders`
BEGIN
  SELECT RAISE(ABORT, 'repair_orders is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_orders_no_delete` BEFORE DELETE ON `repair_orders`
BEGIN
  SELECT RAISE(ABORT, 'repair_orders is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_orders_no_replace` BEFORE INSERT ON `repair_orders`
WHEN EXISTS (SELECT 1 FROM `repair_orders` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'repair_orders is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_outcomes_no_update` BEFORE UPDATE ON `repair_outcomes`
BEGIN
  SELECT RAISE(ABORT, 'repair_outcomes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_outcomes_no_delete` BEFORE DELETE ON `repair_outcomes`
BEGIN
  SELECT RAISE(ABORT, 'repair_outcomes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_outcomes_no_replace` BEFORE INSERT ON `repair_outcomes`
WHEN EXISTS (SELECT 1 FROM `repair_outcomes` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'repair_outcomes is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_checks_after_finish_insert` BEFORE INSERT ON `inspection_checks`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = NEW.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_checks_after_finish_update` BEFORE UPDATE ON `inspection_checks`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = OLD.`inspection_id`) OR EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = NEW.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_checks_after_finish_delete` BEFORE DELETE ON `inspection_checks`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = OLD.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_findings_after_finish_insert` BEFORE INSERT ON `inspection_findings`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = NEW.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_findings_after_finish_update` BEFORE UPDATE ON `inspection_findings`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = OLD.`inspection_id`) OR EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = NEW.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_findings_after_finish_delete` BEFORE DELETE ON `inspection_findings`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `inspection_id` = OLD.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_photos_after_finish_insert` BEFORE INSERT ON `inspection_photos`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` f JOIN `inspection_findings` g ON g.`inspection_id` = f.`inspection_id` WHERE g.`id` = NEW.`finding_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_photos_no_update` BEFORE UPDATE ON `inspection_photos`
BEGIN
  SELECT RAISE(ABORT, 'inspection_photos is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_photos_after_finish_delete` BEFORE DELETE ON `inspection_photos`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` f JOIN `inspection_findings` g ON g.`inspection_id` = f.`inspection_id` WHERE g.`id` = OLD.`finding_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is finished');
END;
--> statement-breakpoint
CREATE TRIGGER `inspection_findings_photos_kept` BEFORE DELETE ON `inspection_findings`
WHEN EXISTS (SELECT 1 FROM `inspection_photos` WHERE `finding_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'the finding has photos');
END;
--> statement-breakpoint
CREATE TRIGGER `repair_orders_open_inspection` BEFORE INSERT ON `repair_orders`
WHEN NOT EXISTS (SELECT 1 FROM `inspection_finishes` f JOIN `inspection_findings` g ON g.`inspection_id` = f.`inspection_id` WHERE g.`id` = NEW.`finding_id`)
BEGIN
  SELECT RAISE(ABORT, 'the inspection is not finished');
END;
