import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { perConnection } from '../per-connection';
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

/** A dossier's searchable text alone (an import, a rebuild); its grams follow in indexGramsFromText. */
export function writeSearchText(db: Db, dossierId: number, text: string): void {
  textInsert(db).run(dossierId, text);
}

/** Prepared once per connection: an import writes a row per dossier. */
const textInsert = perConnection((db) => db.$client.prepare<[number, string]>('INSERT INTO search_text (dossier_id, text) VALUES (?, ?)'));

/**
 * Indexes the grams of the entries in search_text with dossier ids in [from, to], in one
 * statement: `grams` makes the tokens from the text, called by SQLite row by row, so nothing is
 * held in memory. FTS5 writes out its pending index data at each statement of a transaction,
 * so callers index in large ranges, after the rows are written.
 */
export function indexGramsFromText(db: Db, range: { from: number; to: number }, grams: (text: string) => string): number {
  const sqlite = db.$client;
  sqlite.function('dossierdesk_grams', { deterministic: true }, (text: unknown) => grams(String(text)));
  return sqlite.prepare('INSERT INTO search_grams (rowid, grams) SELECT dossier_id, dossierdesk_grams(text) FROM search_text WHERE dossier_id BETWEEN ? AND ?').run(range.from, range.to).changes;
}

/** The same with the tokens already made, by dossier id (an import prepares them on another thread). */
export function indexTokensOfDossiers(db: Db, range: { from: number; to: number }, tokensOf: (dossierId: number) => string): number {
  const sqlite = db.$client;
  sqlite.function('dossierdesk_tokens', { deterministic: true }, (id: unknown) => tokensOf(Number(id)));
  return sqlite.prepare('INSERT INTO search_grams (rowid, grams) SELECT dossier_id, dossierdesk_tokens(dossier_id) FROM search_text WHERE dossier_id BETWEEN ? AND ?').run(range.from, range.to).changes;
}

/** The same for the entries of the given dossiers (a step of a rebuild that edits may have overtaken). */
export function indexGramsOfDossiers(db: Db, ids: readonly number[], grams: (text: string) => string): number {
  if (ids.length === 0) return 0;
  const sqlite = db.$client;
  sqlite.function('dossierdesk_grams', { deterministic: true }, (text: unknown) => grams(String(text)));
  return sqlite.prepare('INSERT INTO search_grams (rowid, grams) SELECT dossier_id, dossierdesk_grams(text) FROM search_text WHERE dossier_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids)).changes;
}

/** Dossier ids in [from, to] that already have an entry. */
export function indexedDossierIds(db: Db, range: { from: number; to: number }): Set<number> {
  return new Set(db.all<{ id: number }>(sql`SELECT dossier_id AS id FROM search_text WHERE dossier_id BETWEEN ${range.from} AND ${range.to}`).map((r) => r.id));
}

export function removeSearchEntry(db: Db, dossierId: number): void {
  db.delete(searchText).where(eq(searchText.dossierId, dossierId)).run();
  db.run(sql`DELETE FROM search_grams WHERE rowid = ${dossierId}`);
}

/** Empties the index before a rebuild. */
export function clearSearchIndex(db: Db): void {
  db.run(sql`DELETE FROM search_text`);
  // Drops the whole index at once (a plain DELETE would remove it row by row).
  db.run(sql`INSERT INTO search_grams (search_grams) VALUES ('delete-all')`);
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
  return (tokenCount(db).get(token) as number | undefined) ?? 0;
}

const tokenCount = perConnection((db) => db.$client.prepare<[string]>('SELECT doc FROM search_gram_terms WHERE term = ?').pluck());

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
