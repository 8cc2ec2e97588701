CREATE TABLE `customer_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`recorded_on` text NOT NULL,
	`text` text NOT NULL,
	`author_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_records_customer_idx` ON `customer_records` (`customer_id`,`recorded_on`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`category` text,
	`ownership` text,
	`supervising_body` text,
	`address` text,
	`contact` text,
	`phones` text NOT NULL,
	`id_code` text,
	`credit_status` text,
	`remarks` text,
	`department_id` integer NOT NULL,
	`search_text` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_department_idx` ON `customers` (`department_id`);--> statement-breakpoint
CREATE TABLE `dossier_customers` (
	`dossier_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	PRIMARY KEY(`dossier_id`, `customer_id`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_customers_customer_idx` ON `dossier_customers` (`customer_id`);--> statement-breakpoint
-- A customer's timeline is kept as written (IN-14/15): a correction is a new record.
CREATE TRIGGER `customer_records_no_update` BEFORE UPDATE ON `customer_records`
BEGIN
  SELECT RAISE(ABORT, 'customer_records is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `customer_records_no_delete` BEFORE DELETE ON `customer_records`
BEGIN
  SELECT RAISE(ABORT, 'customer_records is append-only');
END;
