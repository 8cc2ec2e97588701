import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { StocktakeOutcome } from '../../shared/stocktake';
import type { Db } from '../open';
import { perConnection } from '../per-connection';
import { dossiers, stocktakeAbsences, stocktakeFinishes, stocktakes, stocktakeScans, users } from '../schema';
import { visible, type Visibility } from './dossiers';

export interface StocktakeRecord {
  id: number;
  locationId: number;
  startedAt: string;
  startedBy: { id: number; displayName: string };
  finish: { finishedAt: string; finishedBy: string; corrected: number } | null;
}

const starters = alias(users, 'starters');
const finishers = alias(users, 'finishers');

function selectStocktakes(db: Db) {
  return db
    .select({
      id: stocktakes.id,
      locationId: stocktakes.locationId,
      startedAt: stocktakes.startedAt,
      startedById: starters.id,
      startedByName: starters.displayName,
      finishedAt: stocktakeFinishes.finishedAt,
      finishedBy: finishers.displayName,
      corrected: stocktakeFinishes.corrected,
    })
    .from(stocktakes)
    .innerJoin(starters, eq(starters.id, stocktakes.startedBy))
    .leftJoin(stocktakeFinishes, eq(stocktakeFinishes.stocktakeId, stocktakes.id))
    .leftJoin(finishers, eq(finishers.id, stocktakeFinishes.finishedBy))
    .$dynamic();
}

type StocktakeRow = Awaited<ReturnType<ReturnType<typeof selectStocktakes>['all']>>[number];

function toRecord(row: StocktakeRow): StocktakeRecord {
  return {
    id: row.id,
    locationId: row.locationId,
    startedAt: row.startedAt,
    startedBy: { id: row.startedById, displayName: row.startedByName },
    finish: row.finishedAt === null ? null : { finishedAt: row.finishedAt, finishedBy: row.finishedBy ?? '', corrected: row.corrected ?? 0 },
  };
}

export function insertStocktake(db: Db, row: { locationId: number; startedBy: number; startedAt: string }): number {
  return db.insert(stocktakes).values(row).returning({ id: stocktakes.id }).get().id;
}

export function findStocktake(db: Db, id: number): StocktakeRecord | null {
  const row = selectStocktakes(db).where(eq(stocktakes.id, id)).get();
  return row ? toRecord(row) : null;
}

/** Newest first. */
export function listStocktakes(db: Db, limit: number): StocktakeRecord[] {
  return selectStocktakes(db).orderBy(desc(stocktakes.id)).limit(limit).all().map(toRecord);
}

/** The stocktake of this place still open, if any. */
export function openStocktakeAt(db: Db, locationId: number): number | null {
  return (
    db
      .select({ id: stocktakes.id })
      .from(stocktakes)
      .leftJoin(stocktakeFinishes, eq(stocktakeFinishes.stocktakeId, stocktakes.id))
      .where(and(eq(stocktakes.locationId, locationId), sql`${stocktakeFinishes.id} IS NULL`))
      .get()?.id ?? null
  );
}

export interface NewScan {
  stocktakeId: number;
  archiveNumber: string;
  dossierId: number | null;
  outcome: StocktakeOutcome;
  expectedLocationId: number | null;
  loanId: number | null;
  scannedBy: number;
  scannedAt: string;
}

export function insertScan(db: Db, scan: NewScan): number {
  return db.insert(stocktakeScans).values(scan).returning({ id: stocktakeScans.id }).get().id;
}

/** Prepared once: every scan asks it (stocktake_scans_number_idx). */
const firstScan = perConnection((db) =>
  db
    .select({ id: stocktakeScans.id, scannedAt: stocktakeScans.scannedAt })
    .from(stocktakeScans)
    .where(and(eq(stocktakeScans.stocktakeId, sql.placeholder('stocktake')), eq(stocktakeScans.archiveNumber, sql.placeholder('number'))))
    .orderBy(stocktakeScans.id)
    .limit(1)
    .prepare(),
);

/** The first scan of this number in the stocktake, if it was scanned before. */
export function firstScanOf(db: Db, stocktakeId: number, archiveNumber: string): { id: number; scannedAt: string } | null {
  return firstScan(db).get({ stocktake: stocktakeId, number: archiveNumber }) ?? null;
}

export interface ScanRecord {
  id: number;
  archiveNumber: string;
  dossierId: number | null;
  outcome: StocktakeOutcome;
  expectedLocationId: number | null;
  loanId: number | null;
  scannedAt: string;
  scannedBy: string;
  /** Whether the reader may see the dossier (false for an unknown number). */
  seen: boolean;
  title: string | null;
  level: number | null;
}

const seenCase = (visibility: Visibility) => sql<number>`CASE WHEN ${dossiers.id} IS NOT NULL AND ${visible(visibility)} THEN 1 ELSE 0 END`;

/** Scans in the order made (newest first when `newestFirst`), at most `limit` (or the one scan `scanId`), with the dossier's title for readers who may see it. */
export function scansOf(db: Db, stocktakeId: number, visibility: Visibility, options: { newestFirst: boolean; limit?: number; scanId?: number }): ScanRecord[] {
  const query = db
    .select({
      id: stocktakeScans.id,
      archiveNumber: stocktakeScans.archiveNumber,
      dossierId: stocktakeScans.dossierId,
      outcome: stocktakeScans.outcome,
      expectedLocationId: stocktakeScans.expectedLocationId,
      loanId: stocktakeScans.loanId,
      scannedAt: stocktakeScans.scannedAt,
      scannedBy: users.displayName,
      seen: seenCase(visibility),
      title: dossiers.title,
      level: dossiers.level,
    })
    .from(stocktakeScans)
    .innerJoin(users, eq(users.id, stocktakeScans.scannedBy))
    .leftJoin(dossiers, eq(dossiers.id, stocktakeScans.dossierId))
    .where(and(eq(stocktakeScans.stocktakeId, stocktakeId), options.scanId === undefined ? undefined : eq(stocktakeScans.id, options.scanId)))
    .orderBy(options.newestFirst ? desc(stocktakeScans.id) : stocktakeScans.id)
    .$dynamic();
  const rows = options.limit === undefined ? query.all() : query.limit(options.limit).all();
  return rows.map((row) => (row.seen === 1 ? { ...row, seen: true } : { ...row, seen: false, title: null, level: null }));
}

/** Scans per outcome, as the reader may know them: a dossier the reader may not see counts as an unknown number. */
export function scanCounts(db: Db, stocktakeId: number, visibility: Visibility): Map<StocktakeOutcome, number> {
  const rows = db
    .select({ outcome: stocktakeScans.outcome, seen: seenCase(visibility), n: count() })
    .from(stocktakeScans)
    .leftJoin(dossiers, eq(dossiers.id, stocktakeScans.dossierId))
    .where(eq(stocktakeScans.stocktakeId, stocktakeId))
    .groupBy(stocktakeScans.outcome, sql`2`)
    .all();
  const counts = new Map<StocktakeOutcome, number>();
  for (const row of rows) {
    const outcome: StocktakeOutcome = row.seen === 1 || row.outcome === 'repeat' ? row.outcome : 'unknown';
    counts.set(outcome, (counts.get(outcome) ?? 0) + row.n);
  }
  return counts;
}

export interface AbsentDossier {
  dossierId: number;
  archiveNumber: string;
  title: string;
  level: number;
  locationId: number;
  onLoan: boolean;
}

const absentColumns = {
  dossierId: dossiers.id,
  archiveNumber: dossiers.archiveNumber,
  title: dossiers.title,
  level: dossiers.level,
  locationId: sql<number>`${dossiers.locationId}`,
  onLoan: sql<number>`${dossiers.status} = 'on-loan'`,
};

/** What is expected on a shelf: not a destroyed or transferred dossier (whose record keeps its last place). */
const expectedHere = inArray(dossiers.status, ['in-archive', 'on-loan']);

/**
 * Dossiers the register has at these places that this stocktake has not scanned (yet), in
 * archive-number order; the reader's visible ones only. Reads dossiers_location_idx and
 * stocktake_scans_dossier_idx: a shelf's few hundred rows, whatever the archive's size.
 */
export function unscannedAt(db: Db, stocktakeId: number, locationIds: readonly number[], visibility: Visibility, limit?: number): AbsentDossier[] {
  const query = db
    .select(absentColumns)
    .from(dossiers)
    .where(and(inArray(dossiers.locationId, [...locationIds]), expectedHere, visible(visibility), sql`NOT EXISTS (SELECT 1 FROM ${stocktakeScans} WHERE ${stocktakeScans.stocktakeId} = ${stocktakeId} AND ${stocktakeScans.dossierId} = ${dossiers.id})`))
    .orderBy(dossiers.archiveNumber)
    .$dynamic();
  return (limit === undefined ? query.all() : query.limit(limit).all()).map((row) => ({ ...row, onLoan: row.onLoan === 1 }));
}

/** How many of those there are: out on loan, and the rest (missing). */
export function countUnscannedAt(db: Db, stocktakeId: number, locationIds: readonly number[], visibility: Visibility): { missing: number; away: number } {
  const rows = db
    .select({ onLoan: absentColumns.onLoan, n: count() })
    .from(dossiers)
    .where(and(inArray(dossiers.locationId, [...locationIds]), expectedHere, visible(visibility), sql`NOT EXISTS (SELECT 1 FROM ${stocktakeScans} WHERE ${stocktakeScans.stocktakeId} = ${stocktakeId} AND ${stocktakeScans.dossierId} = ${dossiers.id})`))
    .groupBy(sql`1`)
    .all();
  return { missing: rows.find((r) => r.onLoan !== 1)?.n ?? 0, away: rows.find((r) => r.onLoan === 1)?.n ?? 0 };
}

/** Scans of dossiers the register had at these places while it had them out on loan (they belong here too). */
export function countOnLoanScansAt(db: Db, stocktakeId: number, locationIds: readonly number[], visibility: Visibility): number {
  return (
    db
      .select({ n: count() })
      .from(stocktakeScans)
      .innerJoin(dossiers, eq(dossiers.id, stocktakeScans.dossierId))
      .where(and(eq(stocktakeScans.stocktakeId, stocktakeId), eq(stocktakeScans.outcome, 'on-loan'), inArray(stocktakeScans.expectedLocationId, [...locationIds]), visible(visibility)))
      .get()?.n ?? 0
  );
}

export function insertFinish(db: Db, finish: { stocktakeId: number; finishedBy: number; finishedAt: string; corrected: number }, absences: readonly { dossierId: number; expectedLocationId: number; loanId: number | null }[]): void {
  for (const absence of absences) db.insert(stocktakeAbsences).values({ stocktakeId: finish.stocktakeId, ...absence }).run();
  db.insert(stocktakeFinishes).values(finish).run();
}

/** What a finished stocktake recorded as not scanned, the reader's visible dossiers only. */
export function absencesOf(db: Db, stocktakeId: number, visibility: Visibility): (AbsentDossier & { loanId: number | null })[] {
  return db
    .select({ ...absentColumns, locationId: stocktakeAbsences.expectedLocationId, onLoan: sql<number>`${stocktakeAbsences.loanId} IS NOT NULL`, loanId: stocktakeAbsences.loanId })
    .from(stocktakeAbsences)
    .innerJoin(dossiers, eq(dossiers.id, stocktakeAbsences.dossierId))
    .where(and(eq(stocktakeAbsences.stocktakeId, stocktakeId), visible(visibility)))
    .orderBy(dossiers.archiveNumber)
    .all()
    .map((row) => ({ ...row, onLoan: row.onLoan === 1 }));
}
