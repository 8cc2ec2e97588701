import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';

/**
 * What the search box looks through, per dossier: the searchable parts (archive number, title,
 * names with their pinyin, phones, ID numbers, plates, VINs, addresses, document titles),
 * normalised and separated by spaces. Two FTS5 indexes are built from it (see the migration):
 * trigrams for queries of three characters and more, single characters and pairs for shorter
 * ones; a candidate from an index is confirmed against this text.
 */
export const searchText = sqliteTable('search_text', {
  dossierId: integer('dossier_id')
    .primaryKey()
    .references(() => dossiers.id),
  text: text('text').notNull(),
});
