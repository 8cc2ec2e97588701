import { findLoan, openLoanOfDossier } from '../../../../db/repositories/loans';
import { absencesOf, countOnLoanScansAt, countUnscannedAt, firstScanOf, scanCounts, scansOf, unscannedAt, type AbsentDossier, type ScanRecord, type StocktakeRecord } from '../../../../db/repositories/stocktakes';
import type { Visibility } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { STOCKTAKE_LIST_MAX, type StocktakeAbsentView, type StocktakeHolder, type StocktakeScanView, type StocktakeSummary, type StocktakeTotals, type StocktakeView } from '../../../../shared/contract';
import { holderOf } from '../loans/holder';
import type { PlaceScope } from './place-scope';

function holderOfLoan(db: Db, loanId: number | null): StocktakeHolder | null {
  const holder = loanId === null ? null : holderOf(findLoan(db, loanId));
  return holder ? { name: holder.name, dueOn: holder.dueOn } : null;
}

/** A scan as the reader may know it: a dossier the reader may not see reads as an unknown number. */
export function scanView(db: Db, scope: PlaceScope, scan: ScanRecord, stocktakeId: number): StocktakeScanView {
  const outcome = scan.seen || scan.outcome === 'repeat' ? scan.outcome : 'unknown';
  const known = scan.seen && outcome !== 'repeat';
  return {
    id: scan.id,
    archiveNumber: scan.archiveNumber,
    outcome,
    title: scan.title,
    level: scan.level,
    expected: known && (outcome === 'misplaced' || outcome === 'on-loan') ? scope.placeOf(scan.expectedLocationId) : null,
    holder: known && outcome === 'on-loan' ? holderOfLoan(db, scan.loanId) : null,
    firstScannedAt: outcome === 'repeat' ? (firstScanOf(db, stocktakeId, scan.archiveNumber)?.scannedAt ?? null) : null,
    scannedAt: scan.scannedAt,
    scannedBy: scan.scannedBy,
  };
}

export function summaryOf(record: StocktakeRecord, scope: PlaceScope): StocktakeSummary {
  return {
    id: record.id,
    place: scope.place,
    startedAt: record.startedAt,
    startedBy: record.startedBy.displayName,
    finishedAt: record.finish?.finishedAt ?? null,
    finishedBy: record.finish?.finishedBy ?? null,
    corrected: record.finish?.corrected ?? null,
  };
}

/**
 * What is expected here and was not scanned: live from the register while the stocktake is open,
 * as recorded at the finish once it is closed.
 */
export function absences(db: Db, record: StocktakeRecord, scope: PlaceScope, visibility: Visibility): (AbsentDossier & { loanId: number | null })[] {
  if (record.finish) return absencesOf(db, record.id, visibility);
  return unscannedAt(db, record.id, scope.ids, visibility).map((absent) => ({ ...absent, loanId: null }));
}

export function absentView(db: Db, scope: PlaceScope, absent: AbsentDossier & { loanId: number | null }, open: boolean): StocktakeAbsentView {
  let holder: StocktakeHolder | null = null;
  if (absent.onLoan) holder = open ? holderOf(openLoanOfDossier(db, absent.dossierId)) : holderOfLoan(db, absent.loanId);
  return { archiveNumber: absent.archiveNumber, title: absent.title, level: absent.level, place: scope.placeOf(absent.locationId), holder: holder ? { name: holder.name, dueOn: holder.dueOn } : null };
}

export function stocktakeTotals(db: Db, record: StocktakeRecord, scope: PlaceScope, visibility: Visibility): StocktakeTotals {
  const counts = scanCounts(db, record.id, visibility);
  const n = (outcome: Parameters<typeof counts.get>[0]) => counts.get(outcome) ?? 0;
  let unscanned: { missing: number; away: number };
  if (record.finish) {
    const recorded = absencesOf(db, record.id, visibility);
    unscanned = { missing: recorded.filter((a) => !a.onLoan).length, away: recorded.filter((a) => a.onLoan).length };
  } else {
    unscanned = countUnscannedAt(db, record.id, scope.ids, visibility);
  }
  const onLoanHere = countOnLoanScansAt(db, record.id, scope.ids, visibility);
  return {
    expected: n('found') + unscanned.missing + unscanned.away + onLoanHere,
    found: n('found'),
    missing: unscanned.missing,
    away: unscanned.away,
    misplaced: n('misplaced'),
    onLoan: n('on-loan'),
    unknown: n('unknown'),
    disposed: n('disposed'),
    repeats: n('repeat'),
    scans: [...counts.values()].reduce((a, b) => a + b, 0),
  };
}

export function stocktakeView(db: Db, record: StocktakeRecord, scope: PlaceScope, visibility: Visibility): StocktakeView {
  const scans = scansOf(db, record.id, visibility, { newestFirst: true, limit: STOCKTAKE_LIST_MAX });
  const absent = absences(db, record, scope, visibility);
  const open = record.finish === null;
  return {
    ...summaryOf(record, scope),
    totals: stocktakeTotals(db, record, scope, visibility),
    scans: scans.map((scan) => scanView(db, scope, scan, record.id)),
    missing: absent
      .filter((a) => !a.onLoan)
      .slice(0, STOCKTAKE_LIST_MAX)
      .map((a) => absentView(db, scope, a, open)),
    away: absent
      .filter((a) => a.onLoan)
      .slice(0, STOCKTAKE_LIST_MAX)
      .map((a) => absentView(db, scope, a, open)),
  };
}
