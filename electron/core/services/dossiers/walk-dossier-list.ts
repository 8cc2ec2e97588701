import { countMatchingDossiers, queryDossierIds, type DossierQuery } from '../../../../db/repositories/dossier-query';
import { findDossiersByIds, type DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { CatalogueList } from '../../../../shared/contract';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { planSearch } from '../search/query-plan';
import { exactMatch, resolveFilters, textQuery } from './list-dossiers';

export interface DossierListWalk {
  /** The list is a search through the index (not filters alone). */
  searches: boolean;
  /** How many dossiers the list holds, counted up to `cap` (cap + 1 means more than cap). */
  count(cap: number): number;
  /** Every dossier of the list in the list's order, `size` at a time, through the keyset query. */
  pages(size: number): Generator<DossierRecord[]>;
}

/**
 * The whole of a list as `dossier:list` shows it – the exact archive number first, then the
 * search, filters and order – to read through without holding it: exports of the catalogue.
 * Only dossiers the reader may see are counted or read.
 */
export function walkDossierList(db: Db, session: ActiveSession, list: CatalogueList): DossierListWalk {
  const plan = planSearch(db, list.query);
  if (plan.kind === 'empty') {
    return {
      searches: false,
      count: () => 0,
      *pages() {
        // A search that can match nothing lists nothing.
      },
    };
  }
  const query: DossierQuery = {
    visibility: visibilityOf(db, session),
    filters: resolveFilters(db, list.filters),
    text: textQuery(plan),
    sort: { key: list.sort.by, direction: list.sort.direction },
    limit: 0,
  };
  const exact = plan.kind === 'lookup' && list.query ? exactMatch(db, query, list.query) : null;
  return {
    searches: query.text !== null,
    count: (cap) => countMatchingDossiers(db, query, cap),
    *pages(size) {
      if (exact) yield [exact];
      let after: DossierQuery['after'];
      for (;;) {
        const page = queryDossierIds(db, { ...query, excludeId: exact?.id, after, limit: size });
        if (page.rows.length > 0) yield findDossiersByIds(db, page.rows.map((row) => row.id));
        const last = page.rows.at(-1);
        if (!page.hasMore || !last) return;
        after = { value: last.sortValue, id: last.id };
      }
    },
  };
}
