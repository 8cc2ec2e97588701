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
-- Trigrams of search_text, for queries of three characters and more. Contentless (the text is in
-- search_text) with document ids only: a query ANDs its rarest trigrams and each candidate is
-- confirmed against search_text, so no positions need to be stored.
CREATE VIRTUAL TABLE `search_trigrams` USING fts5(`text`, tokenize = 'trigram', content = '', contentless_delete = 1, detail = 'none');
--> statement-breakpoint
-- Every single character and every pair of neighbouring characters of each searchable part, as
-- space-separated tokens: queries of one or two characters (张, 张三, 沪a, zs) look them up directly.
CREATE VIRTUAL TABLE `search_grams` USING fts5(`grams`, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'none');
--> statement-breakpoint
-- How many dossiers hold a term: a query starts from its rarest terms.
CREATE VIRTUAL TABLE `search_trigram_terms` USING fts5vocab(`search_trigrams`, 'row');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_gram_terms` USING fts5vocab(`search_grams`, 'row');
