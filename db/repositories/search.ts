import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { perConnection } from '../per-connection';
import { searchText } from '../schema';

/**
 * The search index (SQLite FTS5; see migration 0005): search_text holds each dossier's normalised
 * searchable parts, each marked with its kind; search_grams their tokens – characters, pairs,
 * runs of three letters or digits, and whole values – some marked by what they come from
 * (TOKEN_MARKS). Everything FTS5-specific stays in this file.
 */

export interface SearchEntryRow {
  dossierId: number;
  text: string;
  tokens: string;
}

/** Replaces a dossier's entry in the index (inside the transaction that changed the dossier). */
export function writeSearchEntry(db: Db, entry: SearchEntryRow): void {
  removeSearchEntry(db, entry.dossierId);
  db.insert(searchText).values({ dossierId: entry.dossierId, text: entry.text }).run();
  db.run(sql`INSERT INTO search_grams (rowid, grams) VALUES (${entry.dossierId}, ${entry.tokens})`);
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

/**
 * The first character of a token that comes from one kind of part only, so that each has its own
 * list in the index (a column filter would read a token's whole list to pick its column). All
 * are punctuation, never searched, so none is ever part of a normalised term; the 'ascii'
 * tokenizer keeps them in the token (it splits at ASCII punctuation only). Unmarked tokens are
 * those of the names and other fields.
 */
export const TOKEN_MARKS = {
  /** A name, plate, phone, VIN or ID number, whole. */
  exactValue: '§',
  /** A name's pinyin in full or its initials, whole. */
  reading: '¶',
  /** The first one to three characters of a name or reading. */
  nameStart: '¡',
  /** Every character and pair of a name or reading (and runs of three letters or digits). */
  name: '¿',
  /** The tokens of a document title. */
  document: '‡',
} as const;

const quoted = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** In how many dossiers a token occurs, in names and other fields, readings or document titles (0 when none; at most that many). */
export function tokenDocumentCount(db: Db, token: string): number {
  return (tokenCount(db).get(token, mayBeReading([token]) ? TOKEN_MARKS.name + token : token, TOKEN_MARKS.document + token) as number | null | undefined) ?? 0;
}

const tokenCount = perConnection((db) => db.$client.prepare<[string, string, string]>('SELECT sum(doc) FROM search_gram_terms WHERE term IN (?, ?, ?)').pluck());

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
 * The lookups the index answers together: the driver's, and every other term's that is one
 * token – the index alone proves it, and intersecting lists costs less than reading each
 * candidate's text (张 沪).
 */
const inIndex = (driver: TermLookup, all: readonly TermLookup[]) => all.filter((lookup) => lookup === driver || (lookup.exact && lookup.tokens.length > 0));

/**
 * The table-valued FTS5 lookup of a query's terms (see inIndex): the dossier ids as
 * `candidates.rowid`. A driver without tokens reads every entry (in id order, so newest first
 * stops at a full page).
 */
export function lookupSource(driver: TermLookup, all: readonly TermLookup[]): SQL {
  if (driver.tokens.length === 0) return sql`search_text AS candidates`;
  return sql`search_grams(${inIndex(driver, all)
    .map((lookup) => `(${anywhere(lookup.tokens)})`)
    .join(' AND ')}) AS candidates`;
}

/** An FTS5 expression: all the tokens, each with the mark. */
const allOf = (tokens: readonly string[], mark = '') => `(${tokens.map((token) => quoted(mark + token)).join(' AND ')})`;

/** Pinyin is letters: only a term of letters can be in a name's reading. */
const mayBeReading = (tokens: readonly string[]) => tokens.every((token) => /^[a-z]+$/.test(token));

/** All the tokens in the names and other fields, or all in a reading, or all in the document titles. */
const anywhere = (tokens: readonly string[]) => [allOf(tokens), ...(mayBeReading(tokens) ? [allOf(tokens, TOKEN_MARKS.name)] : []), allOf(tokens, TOKEN_MARKS.document)].join(' OR ');

/**
 * How a search ranks its hits, best first; within a rank, newest first. A dossier takes the best
 * rank any term of the query gives it (every term must be found somewhere). The exact archive
 * number is looked up apart, and put first.
 */
export const SEARCH_RANKS = {
  archiveNumber: 1,
  /** A name, plate, phone, VIN or ID number typed whole. */
  exactValue: 2,
  /** A name's pinyin in full or its initials, typed whole. */
  reading: 3,
  /** The beginning of a name, of its pinyin or of its initials. */
  namePrefix: 4,
  nameContains: 5,
  /** Any other part: archive number, title, plate, phone, VIN, address, other fields. */
  fieldContains: 6,
  documentTitle: 7,
} as const;
/** The ranks the index answers a stream for, in order. */
export const INDEX_RANKS = [2, 3, 4, 5, 6, 7] as const;

/** A term as a ranked search looks it up (see rankedSource). */
export interface RankedTerm {
  term: string;
  /** Its first NAME_START_LENGTH characters (a name's and a reading's beginnings are tokens). */
  start: string;
  /** The term is no longer than a beginning token: that alone says whether a name begins with it. */
  short: boolean;
  /** Its name tokens (a name's are every character and pair). */
  nameTokens: readonly string[];
  /** Its lookup among the other tokens (names and other fields, and document titles). */
  lookup: TermLookup;
}

const isWholeToken = (tokens: readonly string[], term: string) => tokens.length === 1 && tokens[0] === term;

/** The term's dossiers of exactly this rank or better, as an FTS5 expression (null: the index cannot say). */
function candidatesOfRank(t: RankedTerm, rank: number): { expression: string | null; exact: boolean } {
  switch (rank) {
    case SEARCH_RANKS.exactValue:
      return { expression: allOf([t.term], TOKEN_MARKS.exactValue), exact: true };
    case SEARCH_RANKS.reading:
      return { expression: allOf([t.term], TOKEN_MARKS.reading), exact: true };
    case SEARCH_RANKS.namePrefix:
      return t.short ? { expression: allOf([t.term], TOKEN_MARKS.nameStart), exact: true } : { expression: `${allOf([t.start], TOKEN_MARKS.nameStart)} AND ${allOf(t.nameTokens, TOKEN_MARKS.name)}`, exact: false };
    case SEARCH_RANKS.nameContains:
      return { expression: allOf(t.nameTokens, TOKEN_MARKS.name), exact: isWholeToken(t.nameTokens, t.term) };
    default: {
      if (t.lookup.tokens.length === 0) return { expression: null, exact: false };
      // Unmarked tokens are the names' and the other fields' (not the readings'): names hold ranks 2–5, excluded before.
      return { expression: allOf(t.lookup.tokens, rank === SEARCH_RANKS.fieldContains ? '' : TOKEN_MARKS.document), exact: t.lookup.exact };
    }
  }
}

/**
 * FTS5 expressions that hold only dossiers the term gives a better rank than `rank`, and whether
 * together they hold all of them (then a stream needs no confirming against the text).
 */
function betterRanks(t: RankedTerm, rank: number): { expressions: string[]; all: boolean } {
  const expressions: string[] = [];
  let all = true;
  for (const better of INDEX_RANKS.filter((r) => r < rank)) {
    const { expression, exact } = candidatesOfRank(t, better);
    // An exact lookup of a better rank holds only dossiers the term ranks better (its own rank's
    // candidates may include better ones, never worse): all of them can be left out.
    if (expression && exact) expressions.push(expression);
    else all = false;
  }
  return { expressions, all };
}

/**
 * Where the dossiers of one rank come from, newest first: an FTS5 expression – the terms'
 * candidates of that rank, every term's tokens, minus what an earlier rank already listed – or,
 * where the index cannot narrow it, every entry. `confirm`: each candidate's rank must be checked
 * against its text (search-rank.ts); without, the expression is exact.
 */
export function rankedSource(terms: readonly RankedTerm[], rank: number): { source: SQL; confirm: boolean } {
  const own = terms.map((t) => candidatesOfRank(t, rank));
  const found = terms.filter((t) => t.lookup.tokens.length > 0).map((t) => `(${anywhere(t.lookup.tokens)})`);
  const unindexed = own.some((o) => o.expression === null);
  // A term the index has no tokens of (a lone digit) may hold this rank anywhere: the other
  // terms' hits are the candidates – or, with none, every entry.
  if (unindexed && found.length === 0) return { source: sql`search_text AS candidates`, confirm: true };
  const better = terms.map((t) => betterRanks(t, rank));
  const exclude = better.flatMap((b) => b.expressions);
  const candidates = unindexed ? [] : [`(${own.map((o) => `(${o.expression ?? ''})`).join(' OR ')})`];
  if (unindexed || terms.length > 1) candidates.push(...found);
  let expression = candidates.join(' AND ');
  if (exclude.length > 0) expression += ` NOT (${exclude.join(' OR ')})`;
  const exact = terms.length === 1 && (own[0]?.exact ?? false) && (better[0]?.all ?? false);
  return { source: sql`search_grams(${expression}) AS candidates`, confirm: !exact };
}

/** The conditions that confirm a candidate against search_text: every term not proven by the lookup alone. */
export function confirmTerms(driver: TermLookup, all: readonly TermLookup[]): SQL | undefined {
  const proven = driver.tokens.length > 0 ? inIndex(driver, all).filter((lookup) => lookup.exact) : [];
  const pending = all.filter((lookup) => !proven.includes(lookup));
  if (pending.length === 0) return undefined;
  return sql.join(
    pending.map((lookup) => sql`instr(search_text.text, ${lookup.term}) > 0`),
    sql` AND `,
  );
}

/** FTS5's defaults for merging segments as they are written (https://sqlite.org/fts5.html#the_automerge_configuration_option). */
const AUTOMERGE_DEFAULT = 4;
const CRISISMERGE_DEFAULT = 16;

/**
 * A bulk write (an import) leaves its index segments unmerged: merging as it goes would hold the
 * connection for hundreds of milliseconds at a time, and the window's calls wait for that. The
 * settings are part of the index and the transaction: a rolled-back import leaves them as they were.
 */
export function deferSegmentMerges(db: Db): void {
  db.run(sql`INSERT INTO search_grams (search_grams, rank) VALUES ('automerge', 0)`);
  db.run(sql`INSERT INTO search_grams (search_grams, rank) VALUES ('crisismerge', 100000)`);
}

export function resumeSegmentMerges(db: Db): void {
  // FTS5 takes its settings as integer literals (a bound JavaScript number arrives as a real).
  db.run(sql.raw(`INSERT INTO search_grams (search_grams, rank) VALUES ('automerge', ${AUTOMERGE_DEFAULT})`));
  db.run(sql.raw(`INSERT INTO search_grams (search_grams, rank) VALUES ('crisismerge', ${CRISISMERGE_DEFAULT})`));
}

/** Merges up to about `pages` pages of the index's segments; false when there was nothing left to merge. */
export function mergeSegments(db: Db, pages: number): boolean {
  const sqlite = db.$client;
  const before = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  sqlite.exec(`INSERT INTO search_grams (search_grams, rank) VALUES ('merge', ${Math.trunc(pages)})`);
  return (sqlite.prepare('SELECT total_changes()').pluck().get() as number) > before + 1;
}

/** Merges until nothing is left to merge. */
export function mergeAllSegments(db: Db): void {
  while (mergeSegments(db, 2000));
}

/** Whether an import in the window left its segment merges deferred (SearchIndexMerge has not finished). */
export function segmentMergesDeferred(db: Db): boolean {
  return db.get<{ v: unknown } | undefined>(sql`SELECT v FROM search_grams_config WHERE k = 'automerge'`)?.v === 0;
}
