import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { perConnection } from '../per-connection';
import type { Db } from '../open';
import { dossiers } from '../schema';
import { visible, type Visibility } from './dossiers';
import { HELD_DOSSIER_IDS } from './legal-hold-register';
import { confirmTerms, INDEX_RANKS, lookupSource, rankedSource, type RankedTerm, type TermLookup } from './search';

export interface DossierFilters {
  typeIds?: readonly number[];
  statuses?: readonly string[];
  levels?: readonly number[];
  classifications?: readonly string[];
  departmentIds?: readonly number[];
  complete?: boolean;
  /** Only dossiers under a legal hold in force. */
  held?: boolean;
  /** A place and every place inside it. */
  locationIds?: readonly number[];
  openedFrom?: string;
  openedTo?: string;
}

export type SortKey = 'created' | 'archiveNumber' | 'openedOn';

export interface DossierQuery {
  visibility: Visibility;
  filters: DossierFilters;
  /**
   * The query's terms as index lookups; `driver` is the rarest, the one the search starts from.
   * Newest first, hits are ranked (`ranked`, `rankOf`: see rankedSource).
   */
  text: { driver: TermLookup; all: readonly TermLookup[]; ranked: readonly RankedTerm[]; rankOf: (text: string) => number } | null;
  sort: { key: SortKey; direction: 'asc' | 'desc' };
  /** Keyset position: the sort value (a rank, when ranked) and id of the last row of the previous page. */
  after?: { value: string | number; id: number } | undefined;
  /** Left out of the result (the exact archive-number match, already shown first). */
  excludeId?: number | undefined;
  /** Only this dossier (to check one against the filters). */
  onlyId?: number | undefined;
  limit: number;
}

function filterConditions(filters: DossierFilters): SQL | undefined {
  const list = <T>(values: readonly T[] | undefined, condition: (v: T[]) => SQL) => (values && values.length > 0 ? condition([...values]) : undefined);
  return and(
    list(filters.typeIds, (v) => inArray(dossiers.typeId, v)),
    list(filters.statuses, (v) => inArray(dossiers.status, v as ('in-archive' | 'on-loan' | 'transferred' | 'destroyed')[])),
    list(filters.levels, (v) => inArray(dossiers.level, v)),
    list(filters.classifications, (v) => inArray(dossiers.classification, v)),
    list(filters.departmentIds, (v) => inArray(dossiers.departmentId, v)),
    filters.complete === undefined ? undefined : eq(dossiers.complete, filters.complete),
    filters.held ? sql`${dossiers.id} IN ${HELD_DOSSIER_IDS}` : undefined,
    list(filters.locationIds, (v) => inArray(dossiers.locationId, v)),
    filters.openedFrom ? gte(dossiers.openedOn, filters.openedFrom) : undefined,
    filters.openedTo ? lte(dossiers.openedOn, filters.openedTo) : undefined,
  );
}

const sortColumn: Record<SortKey, SQL> = {
  created: sql`${dossiers.id}`,
  archiveNumber: sql`${dossiers.archiveNumber}`,
  openedOn: sql`${dossiers.openedOn}`,
};

/** Dossiers matching the text: the lookup, confirmed against search_text. */
function textMatch(text: NonNullable<DossierQuery['text']>): SQL {
  const confirm = confirmTerms(text.driver, text.all);
  return sql`${dossiers.id} IN (SELECT candidates.rowid FROM ${lookupSource(text.driver, text.all)}
    ${confirm ? sql`JOIN search_text ON search_text.dossier_id = candidates.rowid WHERE ${confirm}` : sql``})`;
}

/**
 * A search in the default order (newest first) lists its hits by rank (see SEARCH_RANKS), newest
 * first within each; sorted by anything else, a search lists every hit in that order.
 */
export function rankedByRelevance(query: DossierQuery): boolean {
  return query.text !== null && query.sort.key === 'created' && query.sort.direction === 'desc';
}

function conditions(query: DossierQuery, withText: boolean): SQL | undefined {
  return and(
    visible(query.visibility),
    filterConditions(query.filters),
    withText && query.text ? textMatch(query.text) : undefined,
    query.excludeId === undefined ? undefined : sql`${dossiers.id} <> ${query.excludeId}`,
    query.onlyId === undefined ? undefined : eq(dossiers.id, query.onlyId),
  );
}

function keyset(query: DossierQuery, column: SQL): SQL | undefined {
  if (!query.after) return undefined;
  const { value, id } = query.after;
  if (query.sort.key === 'created') return query.sort.direction === 'desc' ? sql`${column} < ${id}` : sql`${column} > ${id}`;
  // Archive numbers are unique: the number alone is the position, and its index is walked directly.
  if (query.sort.key === 'archiveNumber') return query.sort.direction === 'desc' ? sql`${column} < ${value}` : sql`${column} > ${value}`;
  return query.sort.direction === 'desc' ? sql`(${column}, ${dossiers.id}) < (${value}, ${id})` : sql`(${column}, ${dossiers.id}) > (${value}, ${id})`;
}

function ordering(query: DossierQuery, column: SQL): SQL {
  const direction = query.sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
  return query.sort.key === 'created' || query.sort.key === 'archiveNumber' ? sql`${column} ${direction}` : sql`${column} ${direction}, ${dossiers.id} ${direction}`;
}

/**
 * The lookup as the outer loop (CROSS JOIN keeps it there), confirmed and filtered per candidate.
 * Each candidate is checked in the narrow visibility index (level, department, the usual filters):
 * a thousand hits of a common surname touch a few index pages instead of a thousand table pages.
 */
function fromIndex(query: DossierQuery & { text: NonNullable<DossierQuery['text']> }, extra: SQL | undefined): SQL {
  const { driver, all } = query.text;
  const confirm = confirmTerms(driver, all);
  return sql`FROM ${lookupSource(driver, all)}
    ${confirm ? sql`CROSS JOIN search_text ON search_text.dossier_id = candidates.rowid` : sql``}
    CROSS JOIN dossiers INDEXED BY dossiers_visibility_idx ON dossiers.id = candidates.rowid
    WHERE ${and(confirm, conditions(query, false), extra) ?? sql`1`}`;
}

const hasText = (query: DossierQuery): query is DossierQuery & { text: NonNullable<DossierQuery['text']> } => query.text !== null;

const RANK_FUNCTION = 'dossierdesk_search_rank';

/**
 * The rank function SQLite calls for a candidate, registered once per connection (registering
 * a function again would discard every prepared statement); each search sets its ranker.
 */
const ranker = perConnection((db) => {
  const current = { rankOf: (_text: string): number => 0 };
  db.$client.function(RANK_FUNCTION, (text: unknown) => current.rankOf(String(text)));
  return current;
});

const dialect = new SQLiteSyncDialect();

/** A ranked page runs up to six small statements: each shape is prepared once per connection. */
const rankStatements = perConnection(() => new Map<string, Statement>());

function allPrepared<T>(db: Db, query: SQL): T[] {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const kept = rankStatements(db);
  let statement = kept.get(text);
  if (!statement) {
    statement = db.$client.prepare(text);
    kept.set(text, statement);
    if (kept.size > 64) kept.delete(kept.keys().next().value as string);
  }
  return statement.all(...params) as T[];
}

/**
 * A page of hits by rank: rank after rank, each read newest first from its own lookup, which
 * stops as soon as the page is full – a common query (张) never sorts all its hits. The keyset
 * position is (rank, id). Candidates the index cannot rank exactly are ranked by their text.
 */
function rankedIds(db: Db, query: DossierQuery & { text: NonNullable<DossierQuery['text']> }): { id: number; sortValue: number }[] {
  const { ranked, rankOf } = query.text;
  ranker(db).rankOf = rankOf;
  const rows: { id: number; sortValue: number }[] = [];
  const from = query.after ? Number(query.after.value) : INDEX_RANKS[0];
  for (const rank of INDEX_RANKS.filter((r) => r >= from)) {
    const { source, confirm } = rankedSource(ranked, rank);
    const after = query.after && rank === from ? sql`candidates.rowid < ${query.after.id}` : undefined;
    const ids = allPrepared<{ id: number }>(db, sql`SELECT candidates.rowid AS id FROM ${source}
      ${confirm ? sql`CROSS JOIN search_text ON search_text.dossier_id = candidates.rowid` : sql``}
      CROSS JOIN dossiers INDEXED BY dossiers_visibility_idx ON dossiers.id = candidates.rowid
      WHERE ${and(conditions(query, false), after, confirm ? sql`${sql.raw(RANK_FUNCTION)}(search_text.text) = ${rank}` : undefined) ?? sql`1`}
      ORDER BY candidates.rowid DESC LIMIT ${query.limit + 1 - rows.length}`);
    rows.push(...ids.map(({ id }) => ({ id, sortValue: rank })));
    if (rows.length > query.limit) break;
  }
  return rows;
}

/** The ids of one page (limit + 1 are read to know whether another page follows). */
export function queryDossierIds(db: Db, query: DossierQuery): { rows: { id: number; sortValue: string | number }[]; hasMore: boolean } {
  let rows: { id: number; sortValue: string | number }[];
  if (hasText(query) && rankedByRelevance(query)) {
    rows = rankedIds(db, query);
  } else {
    const column = sortColumn[query.sort.key];
    rows = db.all(sql`SELECT ${dossiers.id} AS id, ${column} AS sortValue FROM dossiers
      WHERE ${and(conditions(query, true), keyset(query, column)) ?? sql`1`}
      ORDER BY ${ordering(query, column)} LIMIT ${query.limit + 1}`);
  }
  return { rows: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}

/**
 * How many dossiers match – only those the reader may see. With a text query counting stops
 * after `cap` (the answer is then "more than cap"), so a one-character query stays fast.
 */
export function countMatchingDossiers(db: Db, query: DossierQuery, cap: number): number {
  const unpaged = { ...query, after: undefined };
  if (!hasText(unpaged)) return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM dossiers WHERE ${conditions(unpaged, false) ?? sql`1`}`)?.n ?? 0;
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 ${fromIndex(unpaged, undefined)} LIMIT ${cap + 1})`)?.n ?? 0;
}
