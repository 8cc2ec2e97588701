CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`checklist_item` text,
	`title` text NOT NULL,
	`doc_date` text,
	`form` text NOT NULL,
	`pages` integer DEFAULT 1 NOT NULL,
	`group_key` text,
	`position` integer NOT NULL,
	`level` integer NOT NULL,
	`remarks` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `documents_dossier_idx` ON `documents` (`dossier_id`,`group_key`,`position`);--> statement-breakpoint
CREATE TABLE `dossier_type_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type_id` integer NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`type_id`) REFERENCES `dossier_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_type_versions_unique` ON `dossier_type_versions` (`type_id`,`version`);--> statement-breakpoint
CREATE TABLE `dossier_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`current_version` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_types_key_unique` ON `dossier_types` (`key`);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `type_id` integer REFERENCES dossier_types(id);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `type_version` integer;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `fields` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `classification` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `retention` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `carrier` text DEFAULT 'paper' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `status` text DEFAULT 'in-archive' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `opened_on` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `remarks` text;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `missing_items` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `complete` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- Running numbers are now scoped by the number template (KH-2026-{seq:6}), shared by every type
-- that numbers the same way; earlier builds scoped them as KH-2026.
UPDATE `number_sequences` SET `scope` = `scope` || '-{seq:6}' WHERE `scope` GLOB 'KH-[0-9][0-9][0-9][0-9]';
