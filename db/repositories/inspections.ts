import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { CheckItem, CheckStatus, FindingKind, RepairOutcome } from '../../shared/inspections';
import type { Db } from '../open';
import { dossiers, inspectionChecks, inspectionFindings, inspectionFinishes, inspectionPhotos, inspections, repairOrders, repairOutcomesTable, scanFiles, users } from '../schema';

export interface InspectionFinishRecord {
  inspectedOn: string;
  inspectors: string[];
  remarks: string | null;
  finishedBy: string;
  finishedAt: string;
}

export interface InspectionRecord {
  id: number;
  /** Null: the whole store. */
  locationId: number | null;
  startedAt: string;
  startedBy: string;
  finish: InspectionFinishRecord | null;
}

const starters = alias(users, 'starters');
const finishers = alias(users, 'finishers');

function selectInspections(db: Db) {
  return db
    .select({
      id: inspections.id,
      locationId: inspections.locationId,
      startedAt: inspections.startedAt,
      startedBy: starters.displayName,
      inspectedOn: inspectionFinishes.inspectedOn,
      inspectors: inspectionFinishes.inspectors,
      remarks: inspectionFinishes.remarks,
      finishedBy: finishers.displayName,
      finishedAt: inspectionFinishes.finishedAt,
    })
    .from(inspections)
    .innerJoin(starters, eq(starters.id, inspections.startedBy))
    .leftJoin(inspectionFinishes, eq(inspectionFinishes.inspectionId, inspections.id))
    .leftJoin(finishers, eq(finishers.id, inspectionFinishes.finishedBy))
    .$dynamic();
}

type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>['all']>>[number];

function toRecord(row: InspectionRow): InspectionRecord {
  const finish =
    row.inspectedOn === null || row.finishedAt === null
      ? null
      : { inspectedOn: row.inspectedOn, inspectors: JSON.parse(row.inspectors ?? '[]') as string[], remarks: row.remarks, finishedBy: row.finishedBy ?? '', finishedAt: row.finishedAt };
  return { id: row.id, locationId: row.locationId, startedAt: row.startedAt, startedBy: row.startedBy, finish };
}

export function insertInspection(db: Db, row: { locationId: number | null; startedBy: number; startedAt: string }): number {
  return db.insert(inspections).values(row).returning({ id: inspections.id }).get().id;
}

export function findInspection(db: Db, id: number): InspectionRecord | null {
  const row = selectInspections(db).where(eq(inspections.id, id)).get();
  return row ? toRecord(row) : null;
}

/** Newest first. */
export function listInspections(db: Db, limit: number): InspectionRecord[] {
  return selectInspections(db).orderBy(desc(inspections.id)).limit(limit).all().map(toRecord);
}

/** The open inspection of this place (null: the whole store), if any. */
export function openInspectionAt(db: Db, locationId: number | null): number | null {
  return (
    db
      .select({ id: inspections.id })
      .from(inspections)
      .leftJoin(inspectionFinishes, eq(inspectionFinishes.inspectionId, inspections.id))
      .where(and(locationId === null ? isNull(inspections.locationId) : eq(inspections.locationId, locationId), isNull(inspectionFinishes.id)))
      .get()?.id ?? null
  );
}

/** The day of the last finished inspection of each place inspected (null key: the whole store). */
export function lastInspectedOn(db: Db): Map<number | null, string> {
  const rows = db
    .select({ locationId: inspections.locationId, last: sql<string>`max(${inspectionFinishes.inspectedOn})` })
    .from(inspections)
    .innerJoin(inspectionFinishes, eq(inspectionFinishes.inspectionId, inspections.id))
    .groupBy(inspections.locationId)
    .all();
  return new Map(rows.map((r) => [r.locationId, r.last]));
}

export function insertFinish(db: Db, row: { inspectionId: number; inspectedOn: string; inspectors: readonly string[]; remarks: string | null; finishedBy: number; finishedAt: string }): void {
  db.insert(inspectionFinishes)
    .values({ ...row, inspectors: JSON.stringify(row.inspectors) })
    .run();
}

export interface CheckRecord {
  item: CheckItem;
  status: CheckStatus;
  reading: number | null;
  note: string | null;
}

export function checksOf(db: Db, inspectionId: number): CheckRecord[] {
  return db
    .select({ item: inspectionChecks.item, status: inspectionChecks.status, reading: inspectionChecks.reading, note: inspectionChecks.note })
    .from(inspectionChecks)
    .where(eq(inspectionChecks.inspectionId, inspectionId))
    .orderBy(asc(inspectionChecks.id))
    .all();
}

/** The checklist of an open inspection, as a whole: what is given replaces what was there. */
export function replaceChecks(db: Db, inspectionId: number, checks: readonly CheckRecord[]): void {
  db.delete(inspectionChecks).where(eq(inspectionChecks.inspectionId, inspectionId)).run();
  if (checks.length > 0) db.insert(inspectionChecks).values(checks.map((c) => ({ ...c, inspectionId }))).run();
}

export interface FindingRecord {
  id: number;
  inspectionId: number;
  dossierId: number;
  archiveNumber: string;
  title: string;
  level: number;
  departmentId: number | null;
  kind: FindingKind;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

function selectFindings(db: Db) {
  return db
    .select({
      id: inspectionFindings.id,
      inspectionId: inspectionFindings.inspectionId,
      dossierId: inspectionFindings.dossierId,
      archiveNumber: dossiers.archiveNumber,
      title: dossiers.title,
      level: dossiers.level,
      departmentId: dossiers.departmentId,
      kind: inspectionFindings.kind,
      note: inspectionFindings.note,
      recordedBy: users.displayName,
      recordedAt: inspectionFindings.recordedAt,
    })
    .from(inspectionFindings)
    .innerJoin(dossiers, eq(dossiers.id, inspectionFindings.dossierId))
    .innerJoin(users, eq(users.id, inspectionFindings.recordedBy))
    .$dynamic();
}

export function findingsOf(db: Db, inspectionId: number): FindingRecord[] {
  return selectFindings(db).where(eq(inspectionFindings.inspectionId, inspectionId)).orderBy(asc(inspectionFindings.id)).all();
}

export function findFinding(db: Db, id: number): FindingRecord | null {
  return selectFindings(db).where(eq(inspectionFindings.id, id)).get() ?? null;
}

export function insertFinding(db: Db, row: { inspectionId: number; dossierId: number; kind: FindingKind; note: string; recordedBy: number; recordedAt: string }): number {
  return db.insert(inspectionFindings).values(row).returning({ id: inspectionFindings.id }).get().id;
}

export function updateFinding(db: Db, id: number, change: { dossierId: number; kind: FindingKind; note: string }): void {
  db.update(inspectionFindings).set(change).where(eq(inspectionFindings.id, id)).run();
}

/** Removes a finding of an open inspection with its photos (their files stay in the store, recorded). */
export function deleteFinding(db: Db, id: number): void {
  db.delete(inspectionPhotos).where(eq(inspectionPhotos.findingId, id)).run();
  db.delete(inspectionFindings).where(eq(inspectionFindings.id, id)).run();
}

export interface PhotoRecord {
  id: number;
  findingId: number;
  sourceName: string;
  addedAt: string;
  file: { id: number; address: string; size: number; mediaType: string };
}

const photoColumns = {
  id: inspectionPhotos.id,
  findingId: inspectionPhotos.findingId,
  sourceName: inspectionPhotos.sourceName,
  addedAt: inspectionPhotos.addedAt,
  file: { id: scanFiles.id, address: scanFiles.address, size: scanFiles.size, mediaType: scanFiles.mediaType },
};

export function photosOf(db: Db, findingIds: readonly number[]): PhotoRecord[] {
  if (findingIds.length === 0) return [];
  return db
    .select(photoColumns)
    .from(inspectionPhotos)
    .innerJoin(scanFiles, eq(scanFiles.id, inspectionPhotos.fileId))
    .where(inArray(inspectionPhotos.findingId, [...findingIds]))
    .orderBy(asc(inspectionPhotos.id))
    .all();
}

export function findPhoto(db: Db, id: number): PhotoRecord | null {
  return db.select(photoColumns).from(inspectionPhotos).innerJoin(scanFiles, eq(scanFiles.id, inspectionPhotos.fileId)).where(eq(inspectionPhotos.id, id)).get() ?? null;
}

export function insertPhotos(db: Db, rows: readonly { findingId: number; fileId: number; sourceName: string; addedBy: number; addedAt: string }[]): void {
  if (rows.length > 0) db.insert(inspectionPhotos).values([...rows]).run();
}

export function deletePhoto(db: Db, id: number): void {
  db.delete(inspectionPhotos).where(eq(inspectionPhotos.id, id)).run();
}

export interface RepairRecord {
  id: number;
  findingId: number;
  instructions: string;
  orderedBy: string;
  orderedAt: string;
  outcome: { outcome: RepairOutcome; note: string | null; repairedBy: string; repairedOn: string; recordedBy: string; recordedAt: string } | null;
}

const orderers = alias(users, 'orderers');
const outcomeRecorders = alias(users, 'outcome_recorders');

function selectRepairs(db: Db) {
  return db
    .select({
      id: repairOrders.id,
      findingId: repairOrders.findingId,
      instructions: repairOrders.instructions,
      orderedBy: orderers.displayName,
      orderedAt: repairOrders.orderedAt,
      outcome: repairOutcomesTable.outcome,
      note: repairOutcomesTable.note,
      repairedBy: repairOutcomesTable.repairedBy,
      repairedOn: repairOutcomesTable.repairedOn,
      recordedBy: outcomeRecorders.displayName,
      recordedAt: repairOutcomesTable.recordedAt,
    })
    .from(repairOrders)
    .innerJoin(orderers, eq(orderers.id, repairOrders.orderedBy))
    .leftJoin(repairOutcomesTable, eq(repairOutcomesTable.orderId, repairOrders.id))
    .leftJoin(outcomeRecorders, eq(outcomeRecorders.id, repairOutcomesTable.recordedBy))
    .$dynamic();
}

type RepairRow = Awaited<ReturnType<ReturnType<typeof selectRepairs>['all']>>[number];

function toRepair(row: RepairRow): RepairRecord {
  const { outcome, note, repairedBy, repairedOn, recordedBy, recordedAt, ...order } = row;
  return {
    ...order,
    outcome: outcome === null || repairedBy === null || repairedOn === null || recordedAt === null ? null : { outcome, note, repairedBy, repairedOn, recordedBy: recordedBy ?? '', recordedAt },
  };
}

export function repairsOf(db: Db, findingIds: readonly number[]): RepairRecord[] {
  if (findingIds.length === 0) return [];
  return selectRepairs(db).where(inArray(repairOrders.findingId, [...findingIds])).orderBy(asc(repairOrders.id)).all().map(toRepair);
}

export function findRepair(db: Db, id: number): RepairRecord | null {
  const row = selectRepairs(db).where(eq(repairOrders.id, id)).get();
  return row ? toRepair(row) : null;
}

export function insertRepairOrder(db: Db, row: { findingId: number; instructions: string; orderedBy: number; orderedAt: string }): number {
  return db.insert(repairOrders).values(row).returning({ id: repairOrders.id }).get().id;
}

export function insertRepairOutcome(db: Db, row: { orderId: number; outcome: RepairOutcome; note: string | null; repairedBy: string; repairedOn: string; recordedBy: number; recordedAt: string }): void {
  db.insert(repairOutcomesTable).values(row).run();
}

/** Inspections not finished yet, oldest first. */
export function openInspections(db: Db): { id: number; locationId: number | null }[] {
  return db
    .select({ id: inspections.id, locationId: inspections.locationId })
    .from(inspections)
    .leftJoin(inspectionFinishes, eq(inspectionFinishes.inspectionId, inspections.id))
    .where(isNull(inspectionFinishes.id))
    .orderBy(asc(inspections.id))
    .all();
}

/** Findings and repair orders without an outcome per inspection (for the list). */
export function findingCounts(db: Db, inspectionIds: readonly number[]): Map<number, { findings: number; openRepairs: number }> {
  if (inspectionIds.length === 0) return new Map();
  const rows = db
    .select({
      inspectionId: inspectionFindings.inspectionId,
      findings: sql<number>`count(*)`,
      openRepairs: sql<number>`sum(${repairOrders.id} IS NOT NULL AND ${repairOutcomesTable.id} IS NULL)`,
    })
    .from(inspectionFindings)
    .leftJoin(repairOrders, eq(repairOrders.findingId, inspectionFindings.id))
    .leftJoin(repairOutcomesTable, eq(repairOutcomesTable.orderId, repairOrders.id))
    .where(inArray(inspectionFindings.inspectionId, [...inspectionIds]))
    .groupBy(inspectionFindings.inspectionId)
    .all();
  return new Map(rows.map((r) => [r.inspectionId, { findings: r.findings, openRepairs: r.openRepairs ?? 0 }]));
}
