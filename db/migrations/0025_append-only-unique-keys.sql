-- An INSERT OR REPLACE that collides on a unique key deletes the old row without firing the
-- registers' DELETE triggers. Each register's BEFORE INSERT trigger now refuses a row that repeats
-- its id or any of its unique keys (db/append-only-registers.test.ts checks every register).
DROP TRIGGER IF EXISTS `audit_events_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `audit_events_no_replace` BEFORE INSERT ON `audit_events`
WHEN EXISTS (SELECT 1 FROM `audit_events` WHERE `id` = NEW.`id` OR `prev_hash` = NEW.`prev_hash`)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `customer_records_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `customer_records_no_replace` BEFORE INSERT ON `customer_records`
WHEN EXISTS (SELECT 1 FROM `customer_records` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'customer_records is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `destruction_approvals_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `destruction_approvals_no_replace` BEFORE INSERT ON `destruction_approvals`
WHEN EXISTS (SELECT 1 FROM `destruction_approvals` WHERE `id` = NEW.`id` OR (`list_id` = NEW.`list_id` AND `step` = NEW.`step`))
BEGIN
  SELECT RAISE(ABORT, 'destruction_approvals is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `destruction_list_items_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `destruction_list_items_no_replace` BEFORE INSERT ON `destruction_list_items`
WHEN EXISTS (SELECT 1 FROM `destruction_list_items` WHERE `id` = NEW.`id` OR (`list_id` = NEW.`list_id` AND `dossier_id` = NEW.`dossier_id`))
BEGIN
  SELECT RAISE(ABORT, 'destruction_list_items is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `destruction_lists_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `destruction_lists_no_replace` BEFORE INSERT ON `destruction_lists`
WHEN EXISTS (SELECT 1 FROM `destruction_lists` WHERE `id` = NEW.`id` OR `number` = NEW.`number`)
BEGIN
  SELECT RAISE(ABORT, 'destruction_lists is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `destruction_witnesses_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `destruction_witnesses_no_replace` BEFORE INSERT ON `destruction_witnesses`
WHEN EXISTS (SELECT 1 FROM `destruction_witnesses` WHERE `id` = NEW.`id` OR (`destruction_id` = NEW.`destruction_id` AND `user_id` = NEW.`user_id`))
BEGIN
  SELECT RAISE(ABORT, 'destruction_witnesses is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `destructions_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `destructions_no_replace` BEFORE INSERT ON `destructions`
WHEN EXISTS (SELECT 1 FROM `destructions` WHERE `id` = NEW.`id` OR `list_id` = NEW.`list_id`)
BEGIN
  SELECT RAISE(ABORT, 'destructions is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `inspection_finishes_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `inspection_finishes_no_replace` BEFORE INSERT ON `inspection_finishes`
WHEN EXISTS (SELECT 1 FROM `inspection_finishes` WHERE `id` = NEW.`id` OR `inspection_id` = NEW.`inspection_id`)
BEGIN
  SELECT RAISE(ABORT, 'inspection_finishes is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `intake_dossiers_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `intake_dossiers_no_replace` BEFORE INSERT ON `intake_dossiers`
WHEN EXISTS (SELECT 1 FROM `intake_dossiers` WHERE `id` = NEW.`id` OR (`intake_id` = NEW.`intake_id` AND `dossier_id` = NEW.`dossier_id`))
BEGIN
  SELECT RAISE(ABORT, 'intake_dossiers is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `intakes_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `intakes_no_replace` BEFORE INSERT ON `intakes`
WHEN EXISTS (SELECT 1 FROM `intakes` WHERE `id` = NEW.`id` OR `corrects_id` = NEW.`corrects_id`)
BEGIN
  SELECT RAISE(ABORT, 'intakes is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `legal_hold_lifts_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `legal_hold_lifts_no_replace` BEFORE INSERT ON `legal_hold_lifts`
WHEN EXISTS (SELECT 1 FROM `legal_hold_lifts` WHERE `id` = NEW.`id` OR `hold_id` = NEW.`hold_id`)
BEGIN
  SELECT RAISE(ABORT, 'legal_hold_lifts is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `repair_orders_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `repair_orders_no_replace` BEFORE INSERT ON `repair_orders`
WHEN EXISTS (SELECT 1 FROM `repair_orders` WHERE `id` = NEW.`id` OR `finding_id` = NEW.`finding_id`)
BEGIN
  SELECT RAISE(ABORT, 'repair_orders is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `repair_outcomes_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `repair_outcomes_no_replace` BEFORE INSERT ON `repair_outcomes`
WHEN EXISTS (SELECT 1 FROM `repair_outcomes` WHERE `id` = NEW.`id` OR `order_id` = NEW.`order_id`)
BEGIN
  SELECT RAISE(ABORT, 'repair_outcomes is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `scan_erasures_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `scan_erasures_no_replace` BEFORE INSERT ON `scan_erasures`
WHEN EXISTS (SELECT 1 FROM `scan_erasures` WHERE `id` = NEW.`id` OR (`file_id` = NEW.`file_id` AND `destruction_id` = NEW.`destruction_id`))
BEGIN
  SELECT RAISE(ABORT, 'scan_erasures is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `stocktake_absences_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `stocktake_absences_no_replace` BEFORE INSERT ON `stocktake_absences`
WHEN EXISTS (SELECT 1 FROM `stocktake_absences` WHERE `id` = NEW.`id` OR (`stocktake_id` = NEW.`stocktake_id` AND `dossier_id` = NEW.`dossier_id`))
BEGIN
  SELECT RAISE(ABORT, 'stocktake_absences is append-only');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `stocktake_finishes_no_replace`;
--> statement-breakpoint
CREATE TRIGGER `stocktake_finishes_no_replace` BEFORE INSERT ON `stocktake_finishes`
WHEN EXISTS (SELECT 1 FROM `stocktake_finishes` WHERE `id` = NEW.`id` OR `stocktake_id` = NEW.`stocktake_id`)
BEGIN
  SELECT RAISE(ABORT, 'stocktake_finishes is append-only');
END;
