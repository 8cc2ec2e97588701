CREATE TABLE `approval_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`step` integer NOT NULL,
	`approver_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `approval_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_decisions_step_unique` ON `approval_decisions` (`request_id`,`step`);--> statement-breakpoint
CREATE INDEX `approval_decisions_approver_idx` ON `approval_decisions` (`approver_id`);--> statement-breakpoint
CREATE TABLE `approval_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dossier_id` integer NOT NULL,
	`kind` text NOT NULL,
	`requester_id` integer,
	`outsider` text,
	`registered_by` integer NOT NULL,
	`purpose` text NOT NULL,
	`reason` text,
	`documents` text,
	`copies` integer,
	`period_days` integer,
	`route` text NOT NULL,
	`requested_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`next_step` integer DEFAULT 0 NOT NULL,
	`decided_at` text,
	`valid_until` text,
	`used_at` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approval_requests_dossier_idx` ON `approval_requests` (`dossier_id`,`kind`,`status`);--> statement-breakpoint
CREATE INDEX `approval_requests_requester_idx` ON `approval_requests` (`requester_id`,`status`);--> statement-breakpoint
CREATE INDEX `approval_requests_status_idx` ON `approval_requests` (`status`,`next_step`);--> statement-breakpoint
CREATE INDEX `approval_requests_requested_idx` ON `approval_requests` (`requested_at`);--> statement-breakpoint
CREATE TABLE `calendar_days` (
	`day` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`set_by` integer NOT NULL,
	`set_at` text NOT NULL,
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`confirmed_by` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Approvals granted before the engine become approved requests with one decision each.
INSERT INTO `approval_requests` (`id`, `dossier_id`, `kind`, `requester_id`, `registered_by`, `purpose`, `route`, `requested_at`, `status`, `next_step`, `decided_at`, `valid_until`, `used_at`)
SELECT a.`id`, a.`dossier_id`, a.`kind`, a.`grantee_id`, a.`approver_id`, a.`reason`,
  json_array(json_object('role', coalesce((SELECT r.`role` FROM `user_roles` r WHERE r.`user_id` = a.`approver_id` AND r.`role` IN ('cs-manager', 'general-manager', 'dept-manager', 'legal') ORDER BY r.`role` LIMIT 1), 'general-manager'), 'departmentId', NULL, 'rule', 'granted')),
  a.`granted_at`, 'approved', 1, a.`granted_at`, a.`valid_until`, a.`used_at`
FROM `approvals` a;
--> statement-breakpoint
INSERT INTO `approval_decisions` (`request_id`, `step`, `approver_id`, `decision`, `comment`, `decided_at`)
SELECT a.`id`, 0, a.`approver_id`, 'approve', a.`reason`, a.`granted_at` FROM `approvals` a;
--> statement-breakpoint
DROP TABLE `approvals`;
--> statement-breakpoint
-- Registers are append-only (CF-13, RT-07): what was asked and what was decided never change and
-- nothing is deleted. Only the derived state of a request moves: pending → approved / rejected /
-- withdrawn once, an approval not yet used may still be withdrawn, and an approval is used once.
-- The term of an approved loan or consultation, unused, may pause (NULL) and start again: its days
-- run only while the dossier is there for it (services/loans/approval-terms.ts).
-- An INSERT that would replace an entry (INSERT OR REPLACE deletes without firing the delete
-- trigger) is refused too.
CREATE TRIGGER `approval_requests_no_delete` BEFORE DELETE ON `approval_requests`
BEGIN
  SELECT RAISE(ABORT, 'approval_requests is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `approval_requests_frozen` BEFORE UPDATE ON `approval_requests`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`dossier_id` IS NOT OLD.`dossier_id` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`requester_id` IS NOT OLD.`requester_id` OR NEW.`outsider` IS NOT OLD.`outsider`
  OR NEW.`registered_by` IS NOT OLD.`registered_by` OR NEW.`purpose` IS NOT OLD.`purpose`
  OR NEW.`reason` IS NOT OLD.`reason` OR NEW.`documents` IS NOT OLD.`documents` OR NEW.`copies` IS NOT OLD.`copies`
  OR NEW.`period_days` IS NOT OLD.`period_days` OR NEW.`route` IS NOT OLD.`route` OR NEW.`requested_at` IS NOT OLD.`requested_at`
  OR (OLD.`status` <> 'pending' AND NEW.`next_step` IS NOT OLD.`next_step`)
  OR (OLD.`status` <> 'pending' AND NEW.`status` IS NOT OLD.`status`
      AND NOT (OLD.`status` = 'approved' AND NEW.`status` = 'withdrawn' AND OLD.`used_at` IS NULL AND NEW.`used_at` IS NULL))
  OR (OLD.`status` <> 'pending' AND NEW.`valid_until` IS NOT OLD.`valid_until`
      AND NOT (OLD.`status` = 'approved' AND NEW.`status` = 'approved' AND OLD.`used_at` IS NULL AND NEW.`used_at` IS NULL
               AND OLD.`kind` IN ('loan', 'consultation')))
  OR (OLD.`status` <> 'pending' AND NEW.`decided_at` IS NOT OLD.`decided_at` AND NEW.`status` IS OLD.`status`)
  OR OLD.`used_at` IS NOT NULL
  OR (NEW.`used_at` IS NOT NULL AND NEW.`status` <> 'approved')
  OR NEW.`status` NOT IN ('pending', 'approved', 'rejected', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'approval_requests is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_update` BEFORE UPDATE ON `approval_decisions`
BEGIN
  SELECT RAISE(ABORT, 'approval_decisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_delete` BEFORE DELETE ON `approval_decisions`
BEGIN
  SELECT RAISE(ABORT, 'approval_decisions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `approval_requests_no_replace` BEFORE INSERT ON `approval_requests`
WHEN EXISTS (SELECT 1 FROM `approval_requests` WHERE `id` = NEW.`id`)
  OR NEW.`status` NOT IN ('pending', 'approved', 'rejected', 'withdrawn')
  OR NEW.`kind` NOT IN ('consultation', 'loan', 'copy', 'excerpt', 'export')
BEGIN
  SELECT RAISE(ABORT, 'approval_requests is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_replace` BEFORE INSERT ON `approval_decisions`
WHEN EXISTS (SELECT 1 FROM `approval_decisions` WHERE `id` = NEW.`id` OR (`request_id` = NEW.`request_id` AND `step` = NEW.`step`))
  OR NEW.`decision` NOT IN ('approve', 'reject')
BEGIN
  SELECT RAISE(ABORT, 'approval_decisions is append-only');
END;
