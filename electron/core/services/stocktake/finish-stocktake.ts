import { findDossierById } from '../../../../db/repositories/dossiers';
import type { Visibility } from '../../../../db/repositories/dossiers';
import { openLoanOfDossier } from '../../../../db/repositories/loans';
import { insertFinish, scansOf, unscannedAt } from '../../../../db/repositories/stocktakes';
import type { Db } from '../../../../db/open';
import type { StocktakeView } from '../../../../shared/contract';
import { can } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import { joinedContext } from '../../joined-write';
import { visibilityOf } from '../access/visibility';
import { shelveDossier } from '../locations/locations';
import { placeScope, type PlaceScope } from './place-scope';
import { requireOpenStocktake, requireStocktake } from './stocktake-access';
import { stocktakeTotals, stocktakeView } from './stocktake-view';

/** What the finish records is the register's truth, whoever finishes: each reader later sees their visible part of it. */
const EVERY_DOSSIER: Visibility = { maxLevel: Number.MAX_SAFE_INTEGER, departmentIds: null };

/** Dossiers scanned here as misplaced that the reader may move and that still stand elsewhere. */
function misplacedToMove(db: Db, stocktakeId: number, scope: PlaceScope, visibility: Visibility): string[] {
  const numbers = new Set<string>();
  for (const scan of scansOf(db, stocktakeId, visibility, { newestFirst: false })) {
    if (scan.outcome !== 'misplaced' || !scan.seen || scan.dossierId === null) continue;
    const now = findDossierById(db, scan.dossierId);
    if (now && !scope.covers(now.locationId)) numbers.add(now.archiveNumber);
  }
  return [...numbers];
}

/**
 * Closes the stocktake for good: what was expected here and not scanned is recorded as it stands
 * now (missing, or out on loan with the loan), so the report never changes afterwards. With
 * `correctLocations`, every misplaced dossier is moved to this place by the one shelving service
 * (dossier:set-location's), each move audited on its dossier – all in the finish's transaction.
 */
export function finishStocktake(ctx: HandlerContext, input: { id: number; correctLocations: boolean }): StocktakeView {
  const session = ctx.session();
  const { db } = session.archive.database;
  if (input.correctLocations && !can(session.record.roles, 'dossier.edit', session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: '您无权移动档案的存放位置，不能在盘点结束时纠正位置', en: 'You may not move dossiers, so locations cannot be corrected at the finish' }, { target: { type: 'stocktake', id: input.id } });
  }
  const record = requireOpenStocktake(db, input.id);
  const scope = placeScope(db, record.locationId);
  const visibility = visibilityOf(db, session);
  ctx.write(
    (w, effects) => {
      requireOpenStocktake(w, input.id);
      const absences = unscannedAt(w, record.id, scope.ids, EVERY_DOSSIER).map((absent) => ({ dossierId: absent.dossierId, expectedLocationId: absent.locationId, loanId: absent.onLoan ? (openLoanOfDossier(w, absent.dossierId)?.id ?? null) : null }));
      const moves = input.correctLocations ? misplacedToMove(w, record.id, scope, visibility) : [];
      const joined = joinedContext(ctx, w, effects);
      for (const archiveNumber of moves) shelveDossier(joined, { archiveNumber, locationId: record.locationId });
      insertFinish(w, { stocktakeId: record.id, finishedBy: session.record.id, finishedAt: ctx.env.now().toISOString(), corrected: moves.length }, absences);
      return { totals: stocktakeTotals(w, requireStocktake(w, record.id), scope, visibility), corrected: moves.length };
    },
    ({ totals, corrected }) => ({
      action: 'stocktake:finish',
      target: { type: 'stocktake', id: record.id },
      // Counts only, as the finishing clerk sees them: the dossiers are named in their own events.
      summary: { place: scope.place.fullCode, expected: totals.expected, found: totals.found, missing: totals.missing, away: totals.away, misplaced: totals.misplaced, onLoan: totals.onLoan, unknown: totals.unknown, disposed: totals.disposed, corrected },
    }),
  );
  return stocktakeView(db, requireStocktake(db, record.id), scope, visibility);
}
