import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { searchText } from '../schema';

/**
 * The search index (SQLite FTS5; see migration 0005): search_text holds each dossier's normalised
 * searchable text, search_grams its tokens (characters, pairs, runs of three letters or digits).
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
  db.run(sql`INSERT INTO search_grams (rowid, grams) VALUES (${entry.dossierId}, ${entry.grams})`);
}

/**
 * Many entries at once (an import, a rebuild), each table in its own pass. FTS5 writes out what
 * it holds in memory whenever another statement of the transaction needs a savepoint, so
 * interleaving these inserts with other writes would cost a tiny index segment per row.
 * `pause` runs every `step` rows of a pass (progress, cancel).
 */
export async function writeSearchEntries(db: Db, entries: readonly SearchEntryRow[], step: number, pause: (done: number) => Promise<void>): Promise<void> {
  let done = 0;
  for (const [statement, value] of entryPasses(db)) {
    for (const entry of entries) {
      statement.run(entry.dossierId, value(entry));
      done += 1;
      if (done % step === 0) await pause(done);
    }
  }
}

/** writeSearchEntries without pauses (a rebuild at sign-in). */
export function writeSearchEntriesNow(db: Db, entries: readonly SearchEntryRow[]): void {
  for (const [statement, value] of entryPasses(db)) for (const entry of entries) statement.run(entry.dossierId, value(entry));
}

function entryPasses(db: Db) {
  const sqlite = db.$client;
  return [
    [sqlite.prepare('INSERT INTO search_text (dossier_id, text) VALUES (?, ?)'), (e: SearchEntryRow) => e.text],
    [sqlite.prepare('INSERT INTO search_grams (rowid, grams) VALUES (?, ?)'), (e: SearchEntryRow) => e.grams],
  ] as const;
}

export function removeSearchEntry(db: Db, dossierId: number): void {
  db.delete(searchText).where(eq(searchText.dossierId, dossierId)).run();
  db.run(sql`DELETE FROM search_grams WHERE rowid = ${dossierId}`);
}

/** Empties the index before a rebuild. */
export function clearSearchIndex(db: Db): void {
  db.run(sql`DELETE FROM search_text`);
  db.run(sql`DELETE FROM search_grams`);
}

/** Merges the index's segments into one (after a rebuild or a large import): faster lookups. */
export function optimiseSearchIndex(db: Db): void {
  db.run(sql`INSERT INTO search_grams (search_grams) VALUES ('optimize')`);
}

export function searchEntryCount(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_text`)?.n ?? 0;
}

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** In how many dossiers a token occurs (0 when none). */
export function tokenDocumentCount(db: Db, token: string): number {
  return db.get<{ doc: number }>(sql`SELECT doc FROM search_gram_terms WHERE term = ${token}`)?.doc ?? 0;
}

/**
 * A term of a query as the index answers it: the tokens that must all be present, and whether
 * that alone proves the term is there (a term that is itself one token) or each candidate must
 * be confirmed against the text.
 */
export interface TermLookup {
  /** None for a term the index has no token for (see isIndexedGram): every entry is a candidate. */
  tokens: readonly string[];
  term: string;
  exact: boolean;
}

/**
 * The table-valued FTS5 lookup of one term: the dossier ids as `candidates.rowid`. A term
 * without tokens reads every entry (in id order, so newest first stops at a full page).
 */
export function lookupSource(lookup: TermLookup): SQL {
  if (lookup.tokens.length === 0) return sql`search_text AS candidates`;
  return sql`search_grams(${lookup.tokens.map(quoted).join(' AND ')}) AS candidates`;
}

/** The conditions that confirm a candidate against search_text: every term not proven by its lookup alone. */
export function confirmTerms(driver: TermLookup, all: readonly TermLookup[]): SQL | undefined {
  const pending = all.filter((lookup) => lookup !== driver || !lookup.exact);
  if (pending.length === 0) return undefined;
  return sql.join(
    pending.map((lookup) => sql`instr(search_text.text, ${lookup.term}) > 0`),
    sql` AND `,
  );
}
