CREATE TABLE `appraisals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`committee` text NOT NULL,
	`retention_before` text NOT NULL,
	`retention_after` text,
	`transfer_to` text,
	`decided_by` integer NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appraisals_dossier_idx` ON `appraisals` (`dossier_id`,`id`);--> statement-breakpoint
CREATE TABLE `destruction_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`step` integer NOT NULL,
	`approver_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_approvals_step_unique` ON `destruction_approvals` (`list_id`,`step`);--> statement-breakpoint
CREATE TABLE `destruction_list_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`dossier_id` integer NOT NULL,
	`appraisal_id` integer NOT NULL,
	`archive_number` text NOT NULL,
	`title` text NOT NULL,
	`retention` text NOT NULL,
	`period_from` text NOT NULL,
	`due_on` text NOT NULL,
	`pages` integer NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`appraisal_id`) REFERENCES `appraisals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_list_items_unique` ON `destruction_list_items` (`list_id`,`dossier_id`);--> statement-breakpoint
CREATE INDEX `destruction_list_items_dossier_idx` ON `destruction_list_items` (`dossier_id`);--> statement-breakpoint
CREATE TABLE `destruction_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`method` text NOT NULL,
	`route` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_lists_number_unique` ON `destruction_lists` (`number`);--> statement-breakpoint
CREATE TABLE `destruction_witnesses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`destruction_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	FOREIGN KEY (`destruction_id`) REFERENCES `destructions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destruction_witnesses_unique` ON `destruction_witnesses` (`destruction_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `destructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`destroyed_on` text NOT NULL,
	`carried_out_by` integer NOT NULL,
	`carried_out_at` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `destruction_lists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carried_out_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `destructions_list_unique` ON `destructions` (`list_id`);--> statement-breakpoint
CREATE TABLE `scan_erasures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_id` integer NOT NULL,
	`destruction_id` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `scan_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`destruction_id`) REFERENCES `destructions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_erasures_unique` ON `scan_erasures` (`file_id`,`destruction_id`);
--> statement-breakpoint
-- The appraisal and disposal registers are append-only (ARCHITECTURE.md §9): nothing written is changed or removed.
CREATE TRIGGER `appraisals_no_update` BEFORE UPDATE ON `appraisals`
BEGIN
  SELECT RAISE(ABORT, 'appraisals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `appraisals_no_delete` BEFORE DELETE ON `appraisals`
BEGIN
  SELECT RAISE(ABORT, 'appraisals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `appraisals_no_replace` BEFORE INSERT ON `appraisals`
WHEN EXISTS (SELECT 1 FROM `appraisals` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'appraisals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_lists_no_update` BEFORE UPDATE ON `destruction_lists`
BEGIN
  SELECT RAISE(ABORT, 'destruction_lists is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_lists_no_delete` BEFORE DELETE ON `destruction_lists`
BEGIN
  SELECT RAISE(ABORT, 'destruction_lists is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_lists_no_replace` BEFORE INSERT ON `destruction_lists`
WHEN EXISTS (SELECT 1 FROM `destruction_lists` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'destruction_lists is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_list_items_no_update` BEFORE UPDATE ON `destruction_list_items`
BEGIN
  SELECT RAISE(ABORT, 'destruction_list_items is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_list_items_no_delete` BEFORE DELETE ON `destruction_list_items`
BEGIN
  SELECT RAISE(ABORT, 'destruction_list_items is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_list_items_no_replace` BEFORE INSERT ON `destruction_list_items`
WHEN EXISTS (SELECT 1 FROM `destruction_list_items` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'destruction_list_items is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_approvals_no_update` BEFORE UPDATE ON `destruction_approvals`
BEGIN
  SELECT RAISE(ABORT, 'destruction_approvals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_approvals_no_delete` BEFORE DELETE ON `destruction_approvals`
BEGIN
  SELECT RAISE(ABORT, 'destruction_approvals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_approvals_no_replace` BEFORE INSERT ON `destruction_approvals`
WHEN EXISTS (SELECT 1 FROM `destruction_approvals` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'destruction_approvals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destructions_no_update` BEFORE UPDATE ON `destructions`
BEGIN
  SELECT RAISE(ABORT, 'destructions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destructions_no_delete` BEFORE DELETE ON `destructions`
BEGIN
  SELECT RAISE(ABORT, 'destructions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destructions_no_replace` BEFORE INSERT ON `destructions`
WHEN EXISTS (SELECT 1 FROM `destructions` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'destructions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_witnesses_no_update` BEFORE UPDATE ON `destruction_witnesses`
BEGIN
  SELECT RAISE(ABORT, 'destruction_witnesses is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_witnesses_no_delete` BEFORE DELETE ON `destruction_witnesses`
BEGIN
  SELECT RAISE(ABORT, 'destruction_witnesses is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_witnesses_no_replace` BEFORE INSERT ON `destruction_witnesses`
WHEN EXISTS (SELECT 1 FROM `destruction_witnesses` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'destruction_witnesses is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `scan_erasures_no_update` BEFORE UPDATE ON `scan_erasures`
BEGIN
  SELECT RAISE(ABORT, 'scan_erasures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `scan_erasures_no_delete` BEFORE DELETE ON `scan_erasures`
BEGIN
  SELECT RAISE(ABORT, 'scan_erasures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `scan_erasures_no_replace` BEFORE INSERT ON `scan_erasures`
WHEN EXISTS (SELECT 1 FROM `scan_erasures` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'scan_erasures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_approvals_after_destruction` BEFORE INSERT ON `destruction_approvals`
WHEN EXISTS (SELECT 1 FROM `destructions` WHERE `list_id` = NEW.`list_id`)
BEGIN
  SELECT RAISE(ABORT, 'the destruction list is carried out');
END;
--> statement-breakpoint
CREATE TRIGGER `destruction_list_items_after_approval` BEFORE INSERT ON `destruction_list_items`
WHEN EXISTS (SELECT 1 FROM `destruction_approvals` WHERE `list_id` = NEW.`list_id`)
BEGIN
  SELECT RAISE(ABORT, 'the destruction list is being approved');
END;
