CREATE TABLE `dossier_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`other_id` integer NOT NULL,
	`relation` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_links_dossier_idx` ON `dossier_links` (`dossier_id`);--> statement-breakpoint
CREATE INDEX `dossier_links_other_idx` ON `dossier_links` (`other_id`);