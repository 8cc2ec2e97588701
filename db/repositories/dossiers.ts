import { and, count, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { perConnection } from '../per-connection';
import { departments, dossiers, dossierTypes, numberSequences, users } from '../schema';

/**
 * Which dossiers a reader may see: up to a level, within some departments (null = all). Every
 * query that returns or counts dossiers takes one, so nothing hidden leaks through a count.
 */
export interface Visibility {
  maxLevel: number;
  departmentIds: readonly number[] | null;
}

export interface DossierRecord {
  id: number;
  archiveNumber: string;
  title: string;
  type: { id: number; key: string; version: number } | null;
  /** Subject field values as stored (JSON text). */
  fields: string;
  classification: string | null;
  retention: string | null;
  carrier: 'paper' | 'electronic' | 'both';
  status: 'in-archive' | 'on-loan' | 'transferred' | 'destroyed';
  openedOn: string | null;
  remarks: string | null;
  missingItems: string;
  complete: boolean;
  level: number;
  departmentId: number;
  department: { code: string; name: string };
  custodian: { id: number; login: string; displayName: string } | null;
  storedSeparately: boolean;
  locationId: number | null;
  createdAt: string;
  createdBy: { id: number; displayName: string };
  updatedAt: string;
}

/** Takes the next number of a scope; call inside the transaction that stores the dossier. */
export function takeNextSequence(db: Db, scope: string): number {
  const row = db
    .insert(numberSequences)
    .values({ scope, lastValue: 1 })
    .onConflictDoUpdate({ target: numberSequences.scope, set: { lastValue: sql`${numberSequences.lastValue} + 1` } })
    .returning({ value: numberSequences.lastValue })
    .get();
  return row.value;
}

/** Moves a scope's running number up to at least `value` (never down): numbers issued before are never issued again. */
export function raiseSequence(db: Db, scope: string, value: number): void {
  db.insert(numberSequences)
    .values({ scope, lastValue: value })
    .onConflictDoUpdate({ target: numberSequences.scope, set: { lastValue: sql`max(${numberSequences.lastValue}, ${value})` } })
    .run();
}

export interface NewDossier {
  archiveNumber: string;
  title: string;
  typeId: number | null;
  typeVersion: number | null;
  fields: string;
  classification: string | null;
  retention: string | null;
  carrier: 'paper' | 'electronic' | 'both';
  openedOn: string;
  remarks: string | null;
  missingItems: string;
  complete: boolean;
  departmentId: number;
  level: number;
  custodianId: number | null;
  storedSeparately: boolean;
  createdAt: string;
  createdBy: number;
}

export function insertDossier(db: Db, dossier: NewDossier): number {
  return db
    .insert(dossiers)
    .values({ ...dossier, updatedAt: dossier.createdAt })
    .returning({ id: dossiers.id })
    .get().id;
}

export interface DossierChanges {
  title?: string;
  fields?: string;
  classification?: string | null;
  retention?: string | null;
  carrier?: 'paper' | 'electronic' | 'both';
  openedOn?: string;
  remarks?: string | null;
  departmentId?: number;
}

export function updateDossier(db: Db, id: number, changes: DossierChanges, at: string): void {
  db.update(dossiers)
    .set({ ...changes, updatedAt: at })
    .where(eq(dossiers.id, id))
    .run();
}

/** Completeness is stored with the dossier, so lists and filters need no per-row checklist work. */
export function setCompleteness(db: Db, id: number, missing: readonly string[]): void {
  db.update(dossiers)
    .set({ missingItems: JSON.stringify(missing), complete: missing.length === 0 })
    .where(eq(dossiers.id, id))
    .run();
}

export function setLevel(db: Db, id: number, level: number, at: string): void {
  db.update(dossiers).set({ level, updatedAt: at }).where(eq(dossiers.id, id)).run();
}

export function updateClassification(db: Db, id: number, changes: { level: number; custodianId: number | null; storedSeparately: boolean; at: string }): void {
  db.update(dossiers)
    .set({ level: changes.level, custodianId: changes.custodianId, storedSeparately: changes.storedSeparately, updatedAt: changes.at })
    .where(eq(dossiers.id, id))
    .run();
}

export function setDossierLocation(db: Db, id: number, locationId: number | null, at: string): void {
  db.update(dossiers).set({ locationId, updatedAt: at }).where(eq(dossiers.id, id)).run();
}

export function findDossierById(db: Db, id: number): DossierRecord | null {
  return selectDossiers(db).where(eq(dossiers.id, id)).get() ?? null;
}

/** A dossier by archive number, only if the reader may see it. */
export function findVisibleDossier(db: Db, archiveNumber: string, visibility: Visibility): DossierRecord | null {
  return (
    selectDossiers(db)
      .where(and(eq(dossiers.archiveNumber, archiveNumber), visible(visibility)))
      .get() ?? null
  );
}

/** Prepared once: every page of a list or a search reads its records with it. */
const recordsByIds = perConnection((db) =>
  selectDossiers(db)
    .where(sql`${dossiers.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
    .prepare(),
);

/** Full records of these dossiers, in the order of the ids given. */
export function findDossiersByIds(db: Db, ids: readonly number[]): DossierRecord[] {
  if (ids.length === 0) return [];
  const byId = new Map(
    recordsByIds(db)
      .all({ ids: JSON.stringify(ids) })
      .map((record) => [record.id, record]),
  );
  return ids.map((id) => byId.get(id)).filter((record): record is DossierRecord => record !== undefined);
}

/** Which of these dossier ids the reader may see. */
export function visibleDossierIds(db: Db, ids: readonly number[], visibility: Visibility): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(and(inArray(dossiers.id, [...ids]), visible(visibility)))
    .all();
  return new Set(rows.map((r) => r.id));
}

const idByNumber = perConnection((db) => db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.archiveNumber, sql.placeholder('number'))).prepare());

export function findDossierIdByNumber(db: Db, archiveNumber: string): number | null {
  return idByNumber(db).get({ number: archiveNumber })?.id ?? null;
}

/** The import that brought a dossier in (null when it was typed in). */
export function importOfDossier(db: Db, id: number): number | null {
  return db.select({ importId: dossiers.importId }).from(dossiers).where(eq(dossiers.id, id)).get()?.importId ?? null;
}

export function countDossiers(db: Db): number {
  return db.select({ n: count() }).from(dossiers).get()?.n ?? 0;
}

/** The highest level any dossier has: a scale may not shrink below it. */
export function highestDossierLevel(db: Db): number {
  return db.get<{ n: number | null }>(sql`SELECT max(level) AS n FROM dossiers`)?.n ?? 0;
}

export function visible(visibility: Visibility): SQL | undefined {
  return and(
    lte(dossiers.level, visibility.maxLevel),
    visibility.departmentIds === null ? undefined : inArray(dossiers.departmentId, [...visibility.departmentIds]),
  );
}

/**
 * The same rule for dossiers reached through a register's own index (a month of loans, a day's
 * intakes): unary + keeps SQLite from leading with every dossier of a department or level instead.
 */
export function visibleThroughRegister(visibility: Visibility): SQL | undefined {
  return and(
    lte(sql`+${dossiers.level}`, visibility.maxLevel),
    visibility.departmentIds === null ? undefined : inArray(sql`+${dossiers.departmentId}`, visibility.departmentIds.length > 0 ? [...visibility.departmentIds] : [-1]),
  );
}

const creators = alias(users, 'creators');
const custodians = alias(users, 'custodians');

function selectDossiers(db: Db) {
  return db
    .select({
      id: dossiers.id,
      archiveNumber: dossiers.archiveNumber,
      title: dossiers.title,
      type: { id: dossierTypes.id, key: dossierTypes.key, version: sql<number>`${dossiers.typeVersion}` },
      fields: dossiers.fields,
      classification: dossiers.classification,
      retention: dossiers.retention,
      carrier: dossiers.carrier,
      status: dossiers.status,
      openedOn: dossiers.openedOn,
      remarks: dossiers.remarks,
      missingItems: dossiers.missingItems,
      complete: dossiers.complete,
      level: dossiers.level,
      departmentId: sql<number>`${dossiers.departmentId}`,
      department: { code: departments.code, name: departments.name },
      custodian: { id: custodians.id, login: custodians.login, displayName: custodians.displayName },
      storedSeparately: dossiers.storedSeparately,
      locationId: dossiers.locationId,
      createdAt: dossiers.createdAt,
      createdBy: { id: creators.id, displayName: creators.displayName },
      updatedAt: dossiers.updatedAt,
    })
    .from(dossiers)
    .innerJoin(creators, eq(creators.id, dossiers.createdBy))
    .innerJoin(departments, eq(departments.id, dossiers.departmentId))
    .leftJoin(custodians, eq(custodians.id, dossiers.custodianId))
    .leftJoin(dossierTypes, eq(dossierTypes.id, dossiers.typeId))
    .$dynamic();
}

/** A dossier's status moves only with a register entry (a loan, its return, a transfer, a destruction), in its transaction. */
export function setDossierStatus(db: Db, id: number, status: DossierRecord['status'], at: string): void {
  db.update(dossiers).set({ status, updatedAt: at }).where(eq(dossiers.id, id)).run();
}
