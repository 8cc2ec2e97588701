import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { searchText } from '../schema';

/**
 * The search index (SQLite FTS5; see migration 0005): search_text holds each dossier's normalised
 * searchable text, search_trigrams its trigrams, search_grams its single characters and pairs.
 * Everything FTS5-specific stays in this file.
 */

export interface SearchEntryRow {
  dossierId: number;
  text: string;
  grams: string;
}

/** Replaces a dossier's entry in the index (inside the transaction that changed the dossier). */
export function writeSearchEntry(db: Db, entry: SearchEntryRow): void {
  removeSearchEntry(db, entry.dossierId);
  db.insert(searchText).values({ dossierId: entry.dossierId, text: entry.text }).run();
  db.run(sql`INSERT INTO search_trigrams (rowid, text) VALUES (${entry.dossierId}, ${entry.text})`);
  db.run(sql`INSERT INTO search_grams (rowid, grams) VALUES (${entry.dossierId}, ${entry.grams})`);
}

export function removeSearchEntry(db: Db, dossierId: number): void {
  db.delete(searchText).where(eq(searchText.dossierId, dossierId)).run();
  db.run(sql`DELETE FROM search_trigrams WHERE rowid = ${dossierId}`);
  db.run(sql`DELETE FROM search_grams WHERE rowid = ${dossierId}`);
}

/** Empties the index before a rebuild. */
export function clearSearchIndex(db: Db): void {
  db.run(sql`DELETE FROM search_text`);
  db.run(sql`DELETE FROM search_trigrams`);
  db.run(sql`DELETE FROM search_grams`);
}

/** Merges the index's segments into one (after a rebuild or a large import): faster lookups. */
export function optimiseSearchIndex(db: Db): void {
  db.run(sql`INSERT INTO search_trigrams (search_trigrams) VALUES ('optimize')`);
  db.run(sql`INSERT INTO search_grams (search_grams) VALUES ('optimize')`);
}

export function searchEntryCount(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_text`)?.n ?? 0;
}

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** In how many dossiers a trigram or a gram occurs (0 when none). */
export function termDocumentCount(db: Db, index: 'trigrams' | 'grams', term: string): number {
  const row =
    index === 'trigrams'
      ? db.get<{ doc: number }>(sql`SELECT doc FROM search_trigram_terms WHERE term = ${term}`)
      : db.get<{ doc: number }>(sql`SELECT doc FROM search_gram_terms WHERE term = ${term}`);
  return row?.doc ?? 0;
}

/**
 * A term of a query as the index answers it: a lookup (`index` with the tokens that must all be
 * present), plus – for trigram lookups – the confirmation that the whole term is in the text.
 */
export interface TermLookup {
  index: 'trigrams' | 'grams';
  tokens: readonly string[];
  term: string;
}

/** The table-valued FTS5 lookup of one term: the dossier ids as `candidates.rowid`. */
export function lookupSource(lookup: TermLookup): SQL {
  const expression = lookup.tokens.map(quoted).join(' AND ');
  return lookup.index === 'trigrams' ? sql`search_trigrams(${expression}) AS candidates` : sql`search_grams(${expression}) AS candidates`;
}

/**
 * The conditions that confirm a candidate against search_text: every term of the query is in
 * its text (a gram lookup needs no confirmation of its own term; the others still do).
 */
export function confirmTerms(driver: TermLookup, all: readonly TermLookup[]): SQL | undefined {
  const pending = all.filter((lookup) => lookup !== driver || lookup.index === 'trigrams');
  if (pending.length === 0) return undefined;
  return sql.join(
    pending.map((lookup) => sql`instr(search_text.text, ${lookup.term}) > 0`),
    sql` AND `,
  );
}
