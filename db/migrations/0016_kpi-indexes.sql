CREATE INDEX `dossiers_opened_kpi_idx` ON `dossiers` (`opened_on`,`department_id`,`type_id`,`level`,`classification`);--> statement-breakpoint
CREATE INDEX `loan_returns_kpi_idx` ON `loan_returns` (`loan_id`,`returned_at`);--> statement-breakpoint
CREATE INDEX `loans_kpi_idx` ON `loans` (`due_on`,`borrower_id`,`dossier_id`);--> statement-breakpoint
CREATE INDEX `intake_dossiers_kpi_idx` ON `intake_dossiers` (`intake_id`,`dossier_id`,`workdays_late`,`missing_count`,`deadline`);--> statement-breakpoint
CREATE INDEX `intake_dossiers_history_idx` ON `intake_dossiers` (`dossier_id`,`intake_id`,`missing_count`);--> statement-breakpoint
CREATE INDEX `intakes_kpi_idx` ON `intakes` (`handed_over_at`,`from_department_id`);
--> statement-breakpoint
CREATE INDEX `approval_requests_unused_idx` ON `approval_requests` (`status`,`used_at`,`valid_until`);
