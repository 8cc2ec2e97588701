import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';

/**
 * What the search box looks through, per dossier: the searchable parts (archive number, title,
 * names with their pinyin, phones, ID numbers, plates, VINs, addresses, document titles),
 * normalised, each marked with its kind and separated by spaces. The FTS5 index search_grams
 * holds their tokens (see migration 0005 and db/repositories/search.ts); a candidate from it is
 * confirmed, and where needed ranked, against this text.
 */
export const searchText = sqliteTable('search_text', {
  dossierId: integer('dossier_id')
    .primaryKey()
    .references(() => dossiers.id),
  text: text('text').notNull(),
});
