-- The search index in columns, so a search can rank its hits (see db/repositories/search.ts):
-- exact_values – each name, plate, phone, VIN and ID number whole, as one token;
-- readings – each name's pinyin in full and its initials, whole; name_starts – the first one,
-- two and three characters of each name and reading; names – every character and pair of the
-- names and readings (and runs of three letters or digits); fields – the tokens of the archive
-- number, title and other fields as before; documents – those of the document titles.
-- detail=column: a lookup can be limited to columns and exclude others (NOT). The search text
-- changes form too (each part marked with its kind): both are emptied here and rebuilt after
-- the next sign-in (SEARCH_INDEX_VERSION).
DROP TABLE `search_gram_terms`;
--> statement-breakpoint
DROP TABLE `search_grams`;
--> statement-breakpoint
DELETE FROM `search_text`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_grams` USING fts5(`exact_values`, `readings`, `name_starts`, `names`, `fields`, `documents`, tokenize = 'ascii', content = '', contentless_delete = 1, detail = 'column');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_gram_terms` USING fts5vocab(`search_grams`, 'row');
