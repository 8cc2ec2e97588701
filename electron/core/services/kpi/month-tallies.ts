import type { Visibility } from '../../../../db/repositories/dossiers';
import { catalogueCounts, intakeFigures, openedDossiers, overdueAt, seenBy, wentOverdue, type DossierCountRow } from '../../../../db/repositories/kpi';
import type { Db } from '../../../../db/open';
import type { ConfidentialityLevel } from '../../../../shared/levels';
import { UntilArchiveChanges } from '../archive-cache';
import { addDays } from '../loans/loan-days';
import { currentTypes } from '../types/type-catalog';
import type { CountNames } from './dossier-counts';
import { FiguresTally } from './figures-tally';
import type { MonthSpan } from './months';

/** The archive's type names and confidentiality scale, for the counts. */
export function countNames(db: Db, levels: readonly ConfidentialityLevel[]): CountNames {
  return { types: new Map(currentTypes(db).map((type) => [type.id, { key: type.definition.key, name: type.definition.name }])), levels };
}

/**
 * A month's figures stay true while the archive does not change (a change of type names or
 * levels is a change too): the month picker moved by one month works out one month, not twelve.
 */
const tallies = new UntilArchiveChanges<FiguresTally>(240);
const catalogues = new UntilArchiveChanges<DossierCountRow[]>(16);

function scopeKey(visibility: Visibility, departmentId: number | null): string {
  return `${departmentId ?? '*'}|${visibility.maxLevel}|${visibility.departmentIds?.join(',') ?? '*'}`;
}

/** Each month's grouped figures: a few index-range queries a month, and one pass for the overdue loans of every month not yet known. */
export function monthTallies(db: Db, spans: readonly MonthSpan[], visibility: Visibility, departmentId: number | null, names: CountNames): FiguresTally[] {
  const kept = tallies.current(db);
  const scope = scopeKey(visibility, departmentId);
  const keyOf = (span: MonthSpan) => `${span.firstDay}|${span.through}|${scope}`;
  const missing = spans.filter((span) => kept.get(keyOf(span)) === undefined);
  if (missing.length > 0) {
    const seen = seenBy(db, visibility);
    const overdue = overdueAt(db, missing.map((span) => ({ day: span.through, dayEnd: span.throughTime })), seen, departmentId);
    missing.forEach((span, i) => {
      const tally = new FiguresTally(names);
      tally.addIntakes(intakeFigures(db, { from: span.fromTime, to: span.throughTime }, seen, departmentId));
      tally.addOverdue(overdue[i] ?? [], 'overdueAtMonthEnd');
      tally.addOverdue(wentOverdue(db, addDays(span.firstDay, -1), addDays(span.through, -1), seen, departmentId), 'wentOverdue');
      tally.addOpened(openedDossiers(db, { firstDay: span.firstDay, lastDay: span.through, from: span.fromTime, to: span.throughTime }, visibility, departmentId));
      kept.set(keyOf(span), tally);
    });
  }
  return spans.map((span) => kept.get(keyOf(span)) ?? new FiguresTally(names));
}

/** The catalogue's grouped counts as they stand, kept like the months. */
export function catalogueRows(db: Db, visibility: Visibility, departmentId: number | null): DossierCountRow[] {
  const kept = catalogues.current(db);
  const key = scopeKey(visibility, departmentId);
  let rows = kept.get(key);
  if (!rows) {
    rows = catalogueCounts(db, visibility, departmentId);
    kept.set(key, rows);
  }
  return rows;
}
