CREATE TABLE `search_text` (
	`dossier_id` integer PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossiers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossiers_type_idx` ON `dossiers` (`type_id`);--> statement-breakpoint
CREATE INDEX `dossiers_status_idx` ON `dossiers` (`status`);--> statement-breakpoint
CREATE INDEX `dossiers_department_idx` ON `dossiers` (`department_id`);--> statement-breakpoint
CREATE INDEX `dossiers_level_idx` ON `dossiers` (`level`);--> statement-breakpoint
CREATE INDEX `dossiers_opened_idx` ON `dossiers` (`opened_on`);--> statement-breakpoint
-- The search index proper: for each dossier, every character and every pair of neighbouring
-- characters of each searchable part, and every run of three letters or digits, as
-- space-separated tokens. Contentless (the text is in search_text), document ids only: a query
-- ANDs its rarest tokens and confirms each candidate against search_text.
CREATE VIRTUAL TABLE `search_grams` USING fts5(`grams`, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none');
--> statement-breakpoint
-- How many dossiers hold a token: a query starts from its rarest ones.
CREATE VIRTUAL TABLE `search_gram_terms` USING fts5vocab(`search_grams`, 'row');
