import { aliasedTable, and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { perConnection } from '../per-connection';
import type { Db } from '../open';
import { dossiers, legalHoldLifts, legalHolds, users } from '../schema';
import { visible, type Visibility } from './dossiers';

export interface HoldEntry {
  id: number;
  dossierId: number;
  archiveNumber: string;
  title: string;
  reason: string;
  caseNumber: string | null;
  placedBy: string;
  placedAt: string;
  lift: { reason: string; liftedBy: string; liftedAt: string } | null;
}

export function insertHold(db: Db, hold: { dossierId: number; reason: string; caseNumber: string | null; placedBy: number; placedAt: string }): number {
  return db.insert(legalHolds).values(hold).returning({ id: legalHolds.id }).get().id;
}

export function insertHoldLift(db: Db, lift: { holdId: number; reason: string; liftedBy: number; liftedAt: string }): void {
  db.insert(legalHoldLifts).values(lift).run();
}

const lifter = aliasedTable(users, 'lifter');

function selectEntries(db: Db) {
  return db
    .select({
      id: legalHolds.id,
      dossierId: legalHolds.dossierId,
      archiveNumber: dossiers.archiveNumber,
      title: dossiers.title,
      reason: legalHolds.reason,
      caseNumber: legalHolds.caseNumber,
      placedBy: users.displayName,
      placedAt: legalHolds.placedAt,
      liftReason: legalHoldLifts.reason,
      liftedBy: lifter.displayName,
      liftedAt: legalHoldLifts.liftedAt,
    })
    .from(legalHolds)
    .innerJoin(dossiers, eq(dossiers.id, legalHolds.dossierId))
    .innerJoin(users, eq(users.id, legalHolds.placedBy))
    .leftJoin(legalHoldLifts, eq(legalHoldLifts.holdId, legalHolds.id))
    .leftJoin(lifter, eq(lifter.id, legalHoldLifts.liftedBy));
}

type Row = Omit<HoldEntry, 'lift'> & { liftReason: string | null; liftedBy: string | null; liftedAt: string | null };

function toEntry(row: Row): HoldEntry {
  const { liftReason, liftedBy, liftedAt, ...hold } = row;
  return { ...hold, lift: liftReason !== null && liftedAt !== null ? { reason: liftReason, liftedBy: liftedBy ?? '', liftedAt } : null };
}

export function findHold(db: Db, id: number): HoldEntry | null {
  const row = selectEntries(db).where(eq(legalHolds.id, id)).get();
  return row ? toEntry(row) : null;
}

/** Every hold of one dossier, lifted ones too, newest first. */
export function holdsOfDossier(db: Db, dossierId: number): HoldEntry[] {
  return selectEntries(db).where(eq(legalHolds.dossierId, dossierId)).orderBy(desc(legalHolds.id)).all().map(toEntry);
}

/** Holds on the dossiers the reader sees (all of them, or only those in force), newest first. */
export function listHolds(db: Db, visibility: Visibility, inForceOnly: boolean): HoldEntry[] {
  return selectEntries(db)
    .where(and(visible(visibility), inForceOnly ? isNull(legalHoldLifts.id) : undefined))
    .orderBy(desc(legalHolds.id))
    .all()
    .map(toEntry);
}

/**
 * The dossiers under a hold in force, as a subquery for the list's filter: holds are few, so the
 * list starts from them instead of asking each of 200k dossiers.
 */
export const HELD_DOSSIER_IDS = sql`(SELECT h.dossier_id FROM legal_holds h WHERE NOT EXISTS (SELECT 1 FROM legal_hold_lifts l WHERE l.hold_id = h.id))`;

/** Prepared once: every dossier summary asks it. */
const heldStatement = perConnection((db) =>
  db.$client.prepare('SELECT EXISTS (SELECT 1 FROM legal_holds h WHERE h.dossier_id = ? AND NOT EXISTS (SELECT 1 FROM legal_hold_lifts l WHERE l.hold_id = h.id)) AS held').pluck(),
);

export function isHeld(db: Db, dossierId: number): boolean {
  return heldStatement(db).get(dossierId) === 1;
}

export interface HoldInForce {
  id: number;
  dossierId: number;
  reason: string;
  caseNumber: string | null;
  placedAt: string;
}

/** The holds in force (placed, not lifted) on these dossiers; a dossier may carry more than one. */
export function holdsInForce(db: Db, dossierIds: readonly number[]): HoldInForce[] {
  if (dossierIds.length === 0) return [];
  const found: HoldInForce[] = [];
  // SQLite takes at most 32,766 variables; an appraisal may name more dossiers than that.
  for (let start = 0; start < dossierIds.length; start += 10_000) {
    const part = dossierIds.slice(start, start + 10_000);
    found.push(
      ...db
        .select({ id: legalHolds.id, dossierId: legalHolds.dossierId, reason: legalHolds.reason, caseNumber: legalHolds.caseNumber, placedAt: legalHolds.placedAt })
        .from(legalHolds)
        .leftJoin(legalHoldLifts, eq(legalHoldLifts.holdId, legalHolds.id))
        .where(and(inArray(legalHolds.dossierId, part), isNull(legalHoldLifts.id)))
        .all(),
    );
  }
  return found;
}
