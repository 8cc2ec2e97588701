CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`encoding` text,
	`type_id` integer NOT NULL,
	`rows` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`type_id`) REFERENCES `dossier_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `dossiers` ADD `import_id` integer REFERENCES imports(id);--> statement-breakpoint
-- Dossiers from before 建档日期 existed are dated by their creation, so every dossier sorts by it.
UPDATE `dossiers` SET `opened_on` = substr(`created_at`, 1, 10) WHERE `opened_on` IS NULL;
