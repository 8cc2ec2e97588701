import { countMatchingDossiers, queryDossierIds, rankedByRelevance, type DossierQuery } from '../../../../db/repositories/dossier-query';
import { INDEX_RANKS } from '../../../../db/repositories/search';
import { findDossierIdByNumber, findDossiersByIds, findVisibleDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import { findDepartmentIdByCode } from '../../../../db/repositories/departments';
import { findTypeByKey } from '../../../../db/repositories/types';
import type { Db } from '../../../../db/open';
import { SEARCH_COUNT_CAP, type DossierFilters, type DossierPage, type DossierSortKey, type DossierSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { describeMatches } from '../search/describe-match';
import { planSearch, type SearchPlan } from '../search/query-plan';
import { subtreeIds } from '../locations/location-tree';
import { allLocations } from '../../../../db/repositories/locations';
import { countSlot, UNCACHED, type CountSlot } from './count-cache';
import { toDossierSummary } from './dossier-summary';

export interface ListInput {
  query?: string | undefined;
  filters: DossierFilters;
  sort: { by: DossierSortKey; direction: 'asc' | 'desc' };
  cursor?: string | undefined;
  limit: number;
}

interface Cursor {
  value: string | number;
  id: number;
}

const badCursor = () => new AppError('VALIDATION', { zh: '翻页位置无效，请重新查询', en: 'The page position is not valid; search again' });

function readCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') && Number.isInteger(parsed[1])) {
      return { value: parsed[0], id: parsed[1] as number };
    }
  } catch {
    // falls through to the error below
  }
  throw badCursor();
}

const writeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify([cursor.value, cursor.id]), 'utf8').toString('base64url');

/** Filters by code and key become ids; an unknown code or key simply matches nothing. */
export function resolveFilters(db: Db, filters: DossierFilters): DossierQuery['filters'] {
  const ids = (values: readonly number[]) => (values.length > 0 ? values : [-1]);
  return {
    ...(filters.typeKeys ? { typeIds: ids(filters.typeKeys.map((key) => findTypeByKey(db, key)?.id ?? -1)) } : {}),
    ...(filters.departmentCodes ? { departmentIds: ids(filters.departmentCodes.map((code) => findDepartmentIdByCode(db, code) ?? -1)) } : {}),
    ...(filters.statuses ? { statuses: filters.statuses } : {}),
    ...(filters.levels ? { levels: filters.levels } : {}),
    ...(filters.classifications ? { classifications: filters.classifications } : {}),
    ...(filters.complete === undefined ? {} : { complete: filters.complete }),
    ...(filters.held ? { held: true } : {}),
    ...(filters.locationId === undefined ? {} : { locationIds: subtreeIds(allLocations(db), filters.locationId) }),
    ...(filters.openedFrom ? { openedFrom: filters.openedFrom } : {}),
    ...(filters.openedTo ? { openedTo: filters.openedTo } : {}),
  };
}

/** A search plan as the list query takes it: the lookups, and what ranks the hits. */
export function textQuery(plan: SearchPlan): DossierQuery['text'] {
  return plan.kind === 'lookup' ? { driver: plan.driver, all: plan.all, ranked: plan.ranked, rankOf: plan.rankOf } : null;
}

/** The exact archive number, if the query is one the reader may see and the filters allow: it comes first. */
export function exactMatch(db: Db, query: DossierQuery, text: string): DossierRecord | null {
  const number = text.trim().toUpperCase();
  // Most queries are no archive number: one indexed lookup says so before the full record is read.
  if (findDossierIdByNumber(db, number) === null) return null;
  const record = findVisibleDossier(db, number, query.visibility);
  if (!record) return null;
  const check = queryDossierIds(db, { ...query, text: null, after: undefined, excludeId: undefined, limit: 1, onlyId: record.id });
  return check.rows.length > 0 ? record : null;
}

type PageIds = ReturnType<typeof queryDossierIds>;

/**
 * The page of ids and, on a first page, how many match (up to the cap; cap + 1 means more). A
 * ranked search reads its page rank by rank, each stopping at the page, and counts its hits apart
 * – unless its first page already holds them all.
 */
function pageAndCount(db: Db, query: DossierQuery, exact: DossierRecord | null, slot: CountSlot | null): { page: PageIds; total: number | null } {
  const counted: DossierQuery = { ...query, after: undefined, excludeId: undefined };
  const limit = exact && !query.after ? query.limit - 1 : query.limit;
  const page = queryDossierIds(db, { ...query, excludeId: exact?.id, limit });
  if (!slot) return { page, total: null };
  if (slot.known !== undefined) return { page, total: slot.known };
  const total = !query.after && !page.hasMore ? page.rows.length + (exact ? 1 : 0) : countMatchingDossiers(db, counted, SEARCH_COUNT_CAP);
  slot.keep(total);
  return { page, total };
}

/**
 * The catalogue as the reader may see it – filtered, sorted, a page at a time – and the search
 * box: hidden dossiers are neither listed nor counted, and a query that matches only hidden
 * ones looks exactly like a query that matches nothing.
 */
export function listDossiers(ctx: HandlerContext, input: ListInput): DossierPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { levels } = session.settings;
  const plan = planSearch(db, input.query);
  if (plan.kind === 'empty') return { items: [], nextCursor: null, total: input.cursor ? null : 0, totalCapped: false };
  const cursor = readCursor(input.cursor);
  const query: DossierQuery = {
    visibility: visibilityOf(db, session),
    filters: resolveFilters(db, input.filters),
    text: textQuery(plan),
    sort: { key: input.sort.by, direction: input.sort.direction },
    after: cursor,
    limit: input.limit,
  };
  // A ranked search's position is a rank and an id.
  if (cursor && rankedByRelevance(query) && !(INDEX_RANKS as readonly unknown[]).includes(cursor.value)) throw badCursor();
  const exact = plan.kind === 'lookup' && input.query ? exactMatch(db, query, input.query) : null;
  // While the index is rebuilt it grows without audit events: a search's count is not cached then.
  const indexing = query.text !== null && session.background?.kind === 'search-index' ? session.background : null;
  const slot = cursor ? null : indexing ? UNCACHED : countSlot(db, JSON.stringify([query.visibility, query.filters, input.query ?? null]));
  const { page, total } = pageAndCount(db, query, exact, slot);
  const records = [...(exact && !cursor ? [exact] : []), ...findDossiersByIds(db, page.rows.map((row) => row.id))];
  const last = page.rows.at(-1);
  const matches = input.query ? describeMatches(db, records, input.query) : new Map<number, never>();
  return {
    items: records.map((record): DossierSummary => {
      const summary = toDossierSummary(db, record, levels);
      const match = matches.get(record.id);
      return match ? { ...summary, match } : summary;
    }),
    nextCursor: page.hasMore && last ? writeCursor({ value: last.sortValue, id: last.id }) : null,
    total: total === null || query.text === null ? total : Math.min(total, SEARCH_COUNT_CAP),
    totalCapped: total !== null && query.text !== null && total > SEARCH_COUNT_CAP,
    ...(indexing ? { indexing: { done: indexing.done, total: indexing.total } } : {}),
  };
}
