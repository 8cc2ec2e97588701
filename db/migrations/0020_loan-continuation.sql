ALTER TABLE `loans` ADD `continues` integer REFERENCES loans(id);--> statement-breakpoint
ALTER TABLE `loans` ADD `continuation` text;--> statement-breakpoint
CREATE INDEX `loans_continues_idx` ON `loans` (`continues`);