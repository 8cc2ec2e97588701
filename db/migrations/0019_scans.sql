CREATE TABLE `scan_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`pages` integer NOT NULL,
	`width` integer,
	`height` integer,
	`derived_from` integer,
	`derivation` text,
	`stored_at` text NOT NULL,
	`stored_by` integer NOT NULL,
	FOREIGN KEY (`derived_from`) REFERENCES `scan_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stored_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scan_files_address_unique` ON `scan_files` (`address`);--> statement-breakpoint
CREATE UNIQUE INDEX `scan_files_derivation_unique` ON `scan_files` (`derived_from`,`derivation`);--> statement-breakpoint
CREATE TABLE `scan_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`page_in_file` integer NOT NULL,
	`position` integer NOT NULL,
	`rotation` integer DEFAULT 0 NOT NULL,
	`source_name` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` integer NOT NULL,
	`removed_at` text,
	`removed_by` integer,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `scan_files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scan_pages_document_idx` ON `scan_pages` (`document_id`,`position`);--> statement-breakpoint
CREATE INDEX `scan_pages_file_idx` ON `scan_pages` (`file_id`);