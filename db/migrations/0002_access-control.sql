CREATE TABLE `approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`kind` text NOT NULL,
	`grantee_id` integer NOT NULL,
	`approver_id` integer NOT NULL,
	`reason` text NOT NULL,
	`granted_at` text NOT NULL,
	`valid_until` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grantee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_dossier_idx` ON `approvals` (`dossier_id`,`grantee_id`,`kind`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `user_department` text;--> statement-breakpoint
CREATE INDEX `audit_events_user_idx` ON `audit_events` (`user_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `department_id` integer REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `level` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `dossiers` ADD `custodian_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `dossiers` ADD `stored_separately` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `department_id` integer REFERENCES departments(id);--> statement-breakpoint
ALTER TABLE `users` ADD `clearance` integer DEFAULT 0 NOT NULL;