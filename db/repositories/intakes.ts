import { and, asc, count, desc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { departments, dossiers, dossierTypes, intakeDossiers, intakes, openShortageItems, users } from '../schema';
import { highestDossierLevel, visible, visibleThroughRegister, type Visibility } from './dossiers';
import type { StoredSignature } from './loans';

export type ItemStatus = 'present' | 'missing';

/** A checklist item as recorded at a hand-over. */
export interface StoredItem {
  key: string;
  name: string;
  status: ItemStatus;
}

interface PersonRow {
  id: number;
  login: string;
  displayName: string;
}

export interface IntakeLineRecord {
  dossier: { id: number; archiveNumber: string; title: string; level: number; typeKey: string | null };
  openedHere: boolean;
  triggerDate: string | null;
  triggerField: string | null;
  deadline: string | null;
  workdaysLate: number | null;
  items: StoredItem[];
  missingCount: number;
}

export interface IntakeRecord {
  id: number;
  handedOverAt: string;
  recordedAt: string;
  fromDepartment: { id: number; code: string; name: string };
  handedByName: string;
  handedByUser: PersonRow | null;
  receivedBy: PersonRow;
  shortageNote: string | null;
  handedBySignature: StoredSignature;
  receiverSignature: StoredSignature;
  correctsId: number | null;
  /** The entry that corrects this one, if any: then this one no longer counts. */
  correctedById: number | null;
  /** The dossiers the reader may see … */
  dossiers: IntakeLineRecord[];
  /** … and how many others the entry has. */
  hiddenDossiers: number;
}

export interface NewIntake {
  handedOverAt: string;
  fromDepartmentId: number;
  handedByName: string;
  handedByUserId: number | null;
  receivedBy: number;
  shortageNote: string | null;
  handedBySignature: StoredSignature;
  receiverSignature: StoredSignature;
  correctsId: number | null;
  recordedAt: string;
}

export interface NewIntakeLine {
  dossierId: number;
  openedHere: boolean;
  triggerDate: string | null;
  triggerField: string | null;
  deadline: string | null;
  workdaysLate: number | null;
  items: StoredItem[];
}

export function insertIntake(db: Db, entry: NewIntake, lines: readonly NewIntakeLine[]): number {
  const id = db
    .insert(intakes)
    .values({ ...entry, handedBySignature: JSON.stringify(entry.handedBySignature), receiverSignature: JSON.stringify(entry.receiverSignature) })
    .returning({ id: intakes.id })
    .get().id;
  for (const line of lines) {
    db.insert(intakeDossiers)
      .values({ ...line, intakeId: id, items: JSON.stringify(line.items), missingCount: line.items.filter((item) => item.status === 'missing').length })
      .run();
  }
  return id;
}

const corrections = alias(intakes, 'corrections');
const notCorrected = sql`NOT EXISTS (SELECT 1 FROM ${intakes} AS c WHERE c.corrects_id = ${intakes.id})`;

export interface IntakeFilter {
  /** ISO bounds of the hand-over time. */
  from?: string | undefined;
  to?: string | undefined;
  fromDepartmentId?: number | undefined;
  /** Only entries that count (not corrected) with a dossier handed over after its deadline. */
  lateOnly?: boolean | undefined;
  dossierId?: number | undefined;
}

/** Entries with at least one dossier the reader may see (and, for the filters, a matching one). */
function conditions(db: Db, filter: IntakeFilter, visibility: Visibility): SQL | undefined {
  // A reader who sees every dossier needs no look at the lines unless a filter asks about them: a month's page stays an index range.
  const seesAll = visibility.departmentIds === null && visibility.maxLevel >= highestDossierLevel(db);
  return and(
    filter.from ? gte(intakes.handedOverAt, filter.from) : undefined,
    filter.to ? lte(intakes.handedOverAt, filter.to) : undefined,
    filter.fromDepartmentId !== undefined ? eq(intakes.fromDepartmentId, filter.fromDepartmentId) : undefined,
    filter.lateOnly ? notCorrected : undefined,
    seesAll && !filter.lateOnly && filter.dossierId === undefined ? undefined : visibleLineExists(visibility, filter),
  );
}

function visibleLineExists(visibility: Visibility, filter: IntakeFilter): SQL {
  const where = and(
    eq(intakeDossiers.intakeId, intakes.id),
    visibleThroughRegister(visibility),
    filter.lateOnly ? gt(intakeDossiers.workdaysLate, 0) : undefined,
    filter.dossierId !== undefined ? eq(intakeDossiers.dossierId, filter.dossierId) : undefined,
  );
  return sql`EXISTS (SELECT 1 FROM ${intakeDossiers} INNER JOIN ${dossiers} ON ${dossiers.id} = ${intakeDossiers.dossierId} WHERE ${where})`;
}

const handedBy = alias(users, 'handed_by');
const receivers = alias(users, 'receivers');

function selectIntakes(db: Db, where: SQL | undefined, page?: { offset: number; limit: number }) {
  let query = db
    .select({
      id: intakes.id,
      handedOverAt: intakes.handedOverAt,
      recordedAt: intakes.recordedAt,
      fromDepartment: { id: departments.id, code: departments.code, name: departments.name },
      handedByName: intakes.handedByName,
      handedById: handedBy.id,
      handedByLogin: handedBy.login,
      handedByDisplayName: handedBy.displayName,
      receivedBy: { id: receivers.id, login: receivers.login, displayName: receivers.displayName },
      shortageNote: intakes.shortageNote,
      handedBySignature: intakes.handedBySignature,
      receiverSignature: intakes.receiverSignature,
      correctsId: intakes.correctsId,
      correctedById: corrections.id,
    })
    .from(intakes)
    .innerJoin(departments, eq(departments.id, intakes.fromDepartmentId))
    .innerJoin(receivers, eq(receivers.id, intakes.receivedBy))
    .leftJoin(handedBy, eq(handedBy.id, intakes.handedByUserId))
    .leftJoin(corrections, eq(corrections.correctsId, intakes.id))
    .where(where)
    .orderBy(desc(intakes.handedOverAt), desc(intakes.id))
    .$dynamic();
  if (page) query = query.limit(page.limit).offset(page.offset);
  return query.all();
}

function linesOf(db: Db, intakeIds: readonly number[], visibility: Visibility): Map<number, IntakeLineRecord[]> {
  const byIntake = new Map<number, IntakeLineRecord[]>();
  if (intakeIds.length === 0) return byIntake;
  const rows = db
    .select({
      intakeId: intakeDossiers.intakeId,
      dossier: { id: dossiers.id, archiveNumber: dossiers.archiveNumber, title: dossiers.title, level: dossiers.level },
      typeKey: dossierTypes.key,
      openedHere: intakeDossiers.openedHere,
      triggerDate: intakeDossiers.triggerDate,
      triggerField: intakeDossiers.triggerField,
      deadline: intakeDossiers.deadline,
      workdaysLate: intakeDossiers.workdaysLate,
      items: intakeDossiers.items,
      missingCount: intakeDossiers.missingCount,
    })
    .from(intakeDossiers)
    .innerJoin(dossiers, eq(dossiers.id, intakeDossiers.dossierId))
    .leftJoin(dossierTypes, eq(dossierTypes.id, dossiers.typeId))
    .where(and(inArray(intakeDossiers.intakeId, [...intakeIds]), visibleThroughRegister(visibility)))
    .orderBy(asc(intakeDossiers.id))
    .all();
  for (const row of rows) {
    const line: IntakeLineRecord = {
      dossier: { ...row.dossier, typeKey: row.typeKey },
      openedHere: row.openedHere,
      triggerDate: row.triggerDate,
      triggerField: row.triggerField,
      deadline: row.deadline,
      workdaysLate: row.workdaysLate,
      items: JSON.parse(row.items) as StoredItem[],
      missingCount: row.missingCount,
    };
    byIntake.set(row.intakeId, [...(byIntake.get(row.intakeId) ?? []), line]);
  }
  return byIntake;
}

function lineCounts(db: Db, intakeIds: readonly number[]): Map<number, number> {
  if (intakeIds.length === 0) return new Map();
  const rows = db
    .select({ intakeId: intakeDossiers.intakeId, n: count() })
    .from(intakeDossiers)
    .where(inArray(intakeDossiers.intakeId, [...intakeIds]))
    .groupBy(intakeDossiers.intakeId)
    .all();
  return new Map(rows.map((row) => [row.intakeId, row.n]));
}

function toRecords(db: Db, rows: ReturnType<typeof selectIntakes>, visibility: Visibility): IntakeRecord[] {
  const ids = rows.map((row) => row.id);
  const lines = linesOf(db, ids, visibility);
  const all = lineCounts(db, ids);
  return rows.map((row) => ({
    id: row.id,
    handedOverAt: row.handedOverAt,
    recordedAt: row.recordedAt,
    fromDepartment: row.fromDepartment,
    handedByName: row.handedByName,
    handedByUser: row.handedById === null || row.handedByLogin === null || row.handedByDisplayName === null ? null : { id: row.handedById, login: row.handedByLogin, displayName: row.handedByDisplayName },
    receivedBy: row.receivedBy,
    shortageNote: row.shortageNote,
    handedBySignature: JSON.parse(row.handedBySignature) as StoredSignature,
    receiverSignature: JSON.parse(row.receiverSignature) as StoredSignature,
    correctsId: row.correctsId,
    correctedById: row.correctedById,
    dossiers: lines.get(row.id) ?? [],
    hiddenDossiers: (all.get(row.id) ?? 0) - (lines.get(row.id)?.length ?? 0),
  }));
}

/** The intake book, newest hand-over first: entries showing only the dossiers the reader may see. */
export function listIntakes(db: Db, filter: IntakeFilter, visibility: Visibility, page: { offset: number; limit: number }): { intakes: IntakeRecord[]; total: number } {
  const where = conditions(db, filter, visibility);
  const total = db.select({ n: count() }).from(intakes).where(where).get()?.n ?? 0;
  return { intakes: toRecords(db, selectIntakes(db, where, page), visibility), total };
}

/** One entry, if the reader may see one of its dossiers. */
export function findIntake(db: Db, id: number, visibility: Visibility): IntakeRecord | null {
  return toRecords(db, selectIntakes(db, and(eq(intakes.id, id), conditions(db, {}, visibility))), visibility)[0] ?? null;
}

/** Whether the entry exists at all, and which entry corrects it (for refusing a second correction). */
export function intakeState(db: Db, id: number): { exists: boolean; correctedById: number | null } {
  const row = db.select({ id: intakes.id, correctedById: corrections.id }).from(intakes).leftJoin(corrections, eq(corrections.correctsId, intakes.id)).where(eq(intakes.id, id)).get();
  return { exists: row !== undefined, correctedById: row?.correctedById ?? null };
}

export function dossiersOfIntake(db: Db, id: number): number[] {
  return db
    .select({ dossierId: intakeDossiers.dossierId })
    .from(intakeDossiers)
    .where(eq(intakeDossiers.intakeId, id))
    .all()
    .map((row) => row.dossierId);
}

/** A dossier's recorded checklist items over the entries that count, in the order they were handed over. */
export function countingItemsOfDossier(db: Db, dossierId: number): { intakeId: number; items: StoredItem[] }[] {
  return db
    .select({ intakeId: intakes.id, items: intakeDossiers.items })
    .from(intakeDossiers)
    .innerJoin(intakes, eq(intakes.id, intakeDossiers.intakeId))
    .where(and(eq(intakeDossiers.dossierId, dossierId), notCorrected))
    .orderBy(asc(intakes.handedOverAt), asc(intakes.id))
    .all()
    .map((row) => ({ intakeId: row.intakeId, items: JSON.parse(row.items) as StoredItem[] }));
}

export interface OpenShortageRow {
  itemKey: string;
  itemName: string;
  sinceIntakeId: number;
  lastIntakeId: number;
}

export function replaceOpenShortages(db: Db, dossierId: number, rows: readonly OpenShortageRow[]): void {
  db.delete(openShortageItems).where(eq(openShortageItems.dossierId, dossierId)).run();
  for (const row of rows) db.insert(openShortageItems).values({ dossierId, ...row }).run();
}

export interface ShortageRecord {
  dossier: { id: number; archiveNumber: string; title: string; level: number; department: { code: string; name: string } };
  item: { key: string; name: string };
  since: { intakeId: number; handedOverAt: string };
  lastNoted: { intakeId: number; handedOverAt: string };
}

const sinceIntakes = alias(intakes, 'since_intakes');
const lastIntakes = alias(intakes, 'last_intakes');

/**
 * Shortages still open – of one dossier, or of every dossier the reader may see (the workbench) –
 * the longest open first.
 */
export function openShortages(db: Db, filter: { dossierId?: number | undefined; visibility: Visibility }, page: { offset: number; limit: number }): { shortages: ShortageRecord[]; total: number } {
  const where = and(filter.dossierId !== undefined ? eq(openShortageItems.dossierId, filter.dossierId) : undefined, visible(filter.visibility));
  const total = db.select({ n: count() }).from(openShortageItems).innerJoin(dossiers, eq(dossiers.id, openShortageItems.dossierId)).where(where).get()?.n ?? 0;
  const rows = db
    .select({
      dossier: { id: dossiers.id, archiveNumber: dossiers.archiveNumber, title: dossiers.title, level: dossiers.level },
      department: { code: departments.code, name: departments.name },
      itemKey: openShortageItems.itemKey,
      itemName: openShortageItems.itemName,
      sinceId: openShortageItems.sinceIntakeId,
      sinceAt: sinceIntakes.handedOverAt,
      lastId: openShortageItems.lastIntakeId,
      lastAt: lastIntakes.handedOverAt,
    })
    .from(openShortageItems)
    .innerJoin(dossiers, eq(dossiers.id, openShortageItems.dossierId))
    .innerJoin(departments, eq(departments.id, dossiers.departmentId))
    .innerJoin(sinceIntakes, eq(sinceIntakes.id, openShortageItems.sinceIntakeId))
    .innerJoin(lastIntakes, eq(lastIntakes.id, openShortageItems.lastIntakeId))
    .where(where)
    .orderBy(asc(openShortageItems.sinceIntakeId), asc(openShortageItems.dossierId), asc(openShortageItems.itemKey))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return {
    total,
    shortages: rows.map((row) => ({
      dossier: { ...row.dossier, department: row.department },
      item: { key: row.itemKey, name: row.itemName },
      since: { intakeId: row.sinceId, handedOverAt: row.sinceAt },
      lastNoted: { intakeId: row.lastId, handedOverAt: row.lastAt },
    })),
  };
}
