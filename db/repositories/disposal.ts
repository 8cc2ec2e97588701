import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppraisalDecision, DestructionMethod } from '../../shared/disposal';
import type { Role } from '../../shared/permissions';
import type { Db } from '../open';
import { appraisals, destructionApprovals, destructionListItems, destructionLists, destructions, destructionWitnesses, documents, dossiers, scanErasures, scanFiles, scanPages, users } from '../schema';
import { visible, type Visibility } from './dossiers';
import { inGroups } from './in-groups';

// ---- Retention due ---------------------------------------------------------------------------

/** How one type's retention period starts, as SQL over `dossiers`. */
export type TriggerColumn = { kind: 'opened' } | { kind: 'field'; field: string } | { kind: 'last-activity' };

export interface DueQuery {
  /** Due on or before this day (YYYY-MM-DD). */
  until: string;
  /** The trigger of each type that has one other than the day opened. */
  triggers: ReadonlyMap<number, TriggerColumn>;
  /** Types whose dossiers are never listed (property: permanent, RT-03). */
  neverListed: readonly number[];
  visibility: Visibility;
  /** Only these dossiers (checking an appraisal's dossiers are due). */
  only?: readonly number[];
}

export interface DueRow {
  id: number;
  archiveNumber: string;
  title: string;
  level: number;
  status: 'in-archive' | 'on-loan' | 'transferred' | 'destroyed';
  retention: string;
  typeId: number | null;
  triggerOn: string;
  dueOn: string;
}

function triggerExpression(triggers: ReadonlyMap<number, TriggerColumn>): SQL {
  const opened = sql`${dossiers.openedOn}`;
  if (triggers.size === 0) return opened;
  const cases = [...triggers].map(([typeId, trigger]) => {
    const value =
      trigger.kind === 'field'
        ? sql`coalesce(nullif(json_extract(${dossiers.fields}, ${`$.${trigger.field}`}), ''), ${dossiers.openedOn})`
        : trigger.kind === 'last-activity'
          ? sql`substr(${dossiers.updatedAt}, 1, 10)`
          : opened;
    return sql`WHEN ${typeId} THEN ${value}`;
  });
  return sql`(CASE ${dossiers.typeId} ${sql.join(cases, sql` `)} ELSE ${opened} END)`;
}

/**
 * Dossiers kept for years (never permanent) still in the archive whose period ends by `until`: one
 * pass over the dossiers. The due day is compared as its year (the trigger's year plus the years)
 * and the trigger's month and day, so no date is computed per dossier – only for the rows shown.
 * A period from 29 February ends, like SQLite's date(), after 28 February of a common year.
 */
function dueSelection(query: DueQuery, year: string | null) {
  const trigger = triggerExpression(query.triggers);
  const years = sql`json_extract(${dossiers.retention}, '$.years')`;
  const dueYear = sql<number>`(CAST(substr(${trigger}, 1, 4) AS INTEGER) + ${years})`;
  const dueDay = sql<string>`substr(${trigger}, 5)`;
  const untilYear = Number(query.until.slice(0, 4));
  const where = and(
    inArray(dossiers.status, ['in-archive', 'on-loan']),
    sql`json_extract(${dossiers.retention}, '$.kind') = 'years'`,
    query.neverListed.length > 0 ? sql`coalesce(${dossiers.typeId}, 0) NOT IN (${sql.join(query.neverListed.map((id) => sql`${id}`), sql`, `)})` : undefined,
    visible(query.visibility),
    query.only ? inArray(dossiers.id, [...query.only]) : undefined,
    sql`(${dueYear} < ${untilYear} OR (${dueYear} = ${untilYear} AND ${dueDay} <= ${query.until.slice(4)}))`,
    year === null ? undefined : sql`${dueYear} = ${Number(year)}`,
  );
  return { trigger, years, dueYear, dueDay, where };
}

export function dueDossiers(db: Db, query: DueQuery, year: string | null, limit: number): DueRow[] {
  const { trigger, years, dueYear, dueDay, where } = dueSelection(query, year);
  return db
    .select({
      id: dossiers.id,
      archiveNumber: dossiers.archiveNumber,
      title: dossiers.title,
      level: dossiers.level,
      status: dossiers.status,
      retention: sql<string>`${dossiers.retention}`,
      typeId: dossiers.typeId,
      triggerOn: sql<string>`${trigger}`,
      dueOn: sql<string>`date(${trigger}, '+' || ${years} || ' years')`,
    })
    .from(dossiers)
    .where(where)
    .orderBy(asc(dueYear), asc(dueDay), asc(dossiers.id))
    .limit(limit)
    .all();
}

/** How many are due, by the year their period ended. */
export function dueCountsByYear(db: Db, query: DueQuery): { year: string; count: number }[] {
  const { dueYear, where } = dueSelection(query, null);
  return db
    .select({ year: sql<string>`CAST(${dueYear} AS TEXT)`, count: sql<number>`count(*)` })
    .from(dossiers)
    .where(where)
    .groupBy(dueYear)
    .orderBy(asc(dueYear))
    .all();
}

// ---- Appraisals --------------------------------------------------------------------------------

export interface AppraisalRecord {
  id: number;
  dossierId: number;
  decision: AppraisalDecision;
  reason: string;
  committee: string;
  retentionBefore: string;
  retentionAfter: string | null;
  transferTo: string | null;
  decidedBy: string;
  decidedAt: string;
}

const appraisalColumns = {
  id: appraisals.id,
  dossierId: appraisals.dossierId,
  decision: appraisals.decision,
  reason: appraisals.reason,
  committee: appraisals.committee,
  retentionBefore: appraisals.retentionBefore,
  retentionAfter: appraisals.retentionAfter,
  transferTo: appraisals.transferTo,
  decidedBy: users.displayName,
  decidedAt: appraisals.decidedAt,
};

export type NewAppraisal = Omit<AppraisalRecord, 'id' | 'decidedBy'> & { decidedBy: number };

export function insertAppraisal(db: Db, appraisal: NewAppraisal): number {
  return db.insert(appraisals).values(appraisal).returning({ id: appraisals.id }).get().id;
}

/** The decision that counts for each dossier: its latest. */
export function latestAppraisals(db: Db, dossierIds: readonly number[]): Map<number, AppraisalRecord> {
  if (dossierIds.length === 0) return new Map();
  const ids = JSON.stringify(dossierIds);
  const rows = db
    .select(appraisalColumns)
    .from(appraisals)
    .innerJoin(users, eq(users.id, appraisals.decidedBy))
    .where(sql`${appraisals.id} IN (SELECT max(id) FROM appraisals WHERE dossier_id IN (SELECT value FROM json_each(${ids})) GROUP BY dossier_id)`)
    .all();
  return new Map(rows.map((row) => [row.dossierId, row]));
}

export function appraisalsOf(db: Db, dossierId: number): AppraisalRecord[] {
  return db.select(appraisalColumns).from(appraisals).innerJoin(users, eq(users.id, appraisals.decidedBy)).where(eq(appraisals.dossierId, dossierId)).orderBy(desc(appraisals.id)).all();
}

/** Dossiers whose latest decision is "destroy" and that are on no list still standing (not rejected). */
export function dossiersAwaitingList(db: Db, visibility: Visibility, limit: number, only?: readonly number[]): { dossierId: number; appraisalId: number; reason: string; decidedAt: string }[] {
  return db.all<{ dossierId: number; appraisalId: number; reason: string; decidedAt: string }>(sql`
    SELECT a.dossier_id AS dossierId, a.id AS appraisalId, a.reason AS reason, a.decided_at AS decidedAt
    FROM appraisals a
    JOIN dossiers ON dossiers.id = a.dossier_id
    WHERE a.id = (SELECT max(id) FROM appraisals WHERE dossier_id = a.dossier_id)
      AND a.decision = 'destroy'
      AND dossiers.status IN ('in-archive', 'on-loan')
      AND ${visible(visibility) ?? sql`1`}
      AND ${only ? sql`a.dossier_id IN (SELECT value FROM json_each(${JSON.stringify(only)}))` : sql`1`}
      AND NOT EXISTS (
        SELECT 1 FROM destruction_list_items i
        WHERE i.dossier_id = a.dossier_id
          AND NOT EXISTS (SELECT 1 FROM destruction_approvals r WHERE r.list_id = i.list_id AND r.decision = 'reject'))
    ORDER BY dossiers.archive_number
    LIMIT ${limit}`);
}

// ---- Destruction lists -------------------------------------------------------------------------

export interface NewListItem {
  dossierId: number;
  appraisalId: number;
  archiveNumber: string;
  title: string;
  retention: string;
  periodFrom: string;
  dueOn: string;
  pages: number;
  reason: string;
}

export function insertDestructionList(db: Db, list: { number: string; method: DestructionMethod; route: readonly Role[]; createdBy: number; createdAt: string }, items: readonly NewListItem[]): number {
  const id = db
    .insert(destructionLists)
    .values({ ...list, route: JSON.stringify(list.route) })
    .returning({ id: destructionLists.id })
    .get().id;
  db.insert(destructionListItems)
    .values(items.map((item) => ({ ...item, listId: id })))
    .run();
  return id;
}

export interface DestructionListRecord {
  id: number;
  number: string;
  method: DestructionMethod;
  route: Role[];
  createdBy: { id: number; displayName: string };
  createdAt: string;
}

function selectLists(db: Db) {
  return db
    .select({ id: destructionLists.id, number: destructionLists.number, method: destructionLists.method, route: destructionLists.route, createdBy: { id: users.id, displayName: users.displayName }, createdAt: destructionLists.createdAt })
    .from(destructionLists)
    .innerJoin(users, eq(users.id, destructionLists.createdBy))
    .$dynamic();
}

const toList = (row: Omit<DestructionListRecord, 'route'> & { route: string }): DestructionListRecord => ({ ...row, route: JSON.parse(row.route) as Role[] });

export function findDestructionList(db: Db, id: number): DestructionListRecord | null {
  const row = selectLists(db).where(eq(destructionLists.id, id)).get();
  return row ? toList(row) : null;
}

export function destructionListsNewestFirst(db: Db, limit: number): DestructionListRecord[] {
  return selectLists(db).orderBy(desc(destructionLists.id)).limit(limit).all().map(toList);
}

export type ListItemRecord = NewListItem & { level: number; departmentId: number; status: string };

export function itemsOfList(db: Db, listId: number): ListItemRecord[] {
  return db
    .select({
      dossierId: destructionListItems.dossierId,
      appraisalId: destructionListItems.appraisalId,
      archiveNumber: destructionListItems.archiveNumber,
      title: destructionListItems.title,
      retention: destructionListItems.retention,
      periodFrom: destructionListItems.periodFrom,
      dueOn: destructionListItems.dueOn,
      pages: destructionListItems.pages,
      reason: destructionListItems.reason,
      level: dossiers.level,
      departmentId: sql<number>`${dossiers.departmentId}`,
      status: dossiers.status,
    })
    .from(destructionListItems)
    .innerJoin(dossiers, eq(dossiers.id, destructionListItems.dossierId))
    .where(eq(destructionListItems.listId, listId))
    .orderBy(asc(destructionListItems.id))
    .all();
}

export interface ListApprovalRecord {
  step: number;
  approver: { id: number; displayName: string };
  decision: 'approve' | 'reject';
  comment: string | null;
  decidedAt: string;
}

export function approvalsOfList(db: Db, listId: number): ListApprovalRecord[] {
  return db
    .select({ step: destructionApprovals.step, approver: { id: users.id, displayName: users.displayName }, decision: destructionApprovals.decision, comment: destructionApprovals.comment, decidedAt: destructionApprovals.decidedAt })
    .from(destructionApprovals)
    .innerJoin(users, eq(users.id, destructionApprovals.approverId))
    .where(eq(destructionApprovals.listId, listId))
    .orderBy(asc(destructionApprovals.step))
    .all();
}

export function insertListApproval(db: Db, approval: { listId: number; step: number; approverId: number; decision: 'approve' | 'reject'; comment: string | null; decidedAt: string }): void {
  db.insert(destructionApprovals).values(approval).run();
}

export interface DestructionRecord {
  id: number;
  destroyedOn: string;
  carriedOutBy: { id: number; displayName: string };
  carriedOutAt: string;
  witnesses: { id: number; displayName: string; confirmedAt: string }[];
}

export function destructionOfList(db: Db, listId: number): DestructionRecord | null {
  const row = db
    .select({ id: destructions.id, destroyedOn: destructions.destroyedOn, carriedOutBy: { id: users.id, displayName: users.displayName }, carriedOutAt: destructions.carriedOutAt })
    .from(destructions)
    .innerJoin(users, eq(users.id, destructions.carriedOutBy))
    .where(eq(destructions.listId, listId))
    .get();
  if (!row) return null;
  const witnesses = db
    .select({ id: users.id, displayName: users.displayName, confirmedAt: destructionWitnesses.confirmedAt })
    .from(destructionWitnesses)
    .innerJoin(users, eq(users.id, destructionWitnesses.userId))
    .where(eq(destructionWitnesses.destructionId, row.id))
    .orderBy(asc(destructionWitnesses.id))
    .all();
  return { ...row, witnesses };
}

export function insertDestruction(db: Db, destruction: { listId: number; destroyedOn: string; carriedOutBy: number; carriedOutAt: string }, witnessIds: readonly number[]): number {
  const id = db.insert(destructions).values(destruction).returning({ id: destructions.id }).get().id;
  db.insert(destructionWitnesses)
    .values(witnessIds.map((userId) => ({ destructionId: id, userId, confirmedAt: destruction.carriedOutAt })))
    .run();
  return id;
}

/** The number of the list each destroyed dossier was destroyed by. */
export function destroyingLists(db: Db, dossierIds: readonly number[]): Map<number, string> {
  if (dossierIds.length === 0) return new Map();
  const rows = db
    .select({ dossierId: destructionListItems.dossierId, number: destructionLists.number })
    .from(destructionListItems)
    .innerJoin(destructions, eq(destructions.listId, destructionListItems.listId))
    .innerJoin(destructionLists, eq(destructionLists.id, destructionListItems.listId))
    .where(inArray(destructionListItems.dossierId, [...dossierIds]))
    .all();
  return new Map(rows.map((row) => [row.dossierId, row.number]));
}

// ---- Scans of destroyed dossiers ---------------------------------------------------------------

/** Scanned pages (not removed) per dossier. */
export function livePageCounts(db: Db, dossierIds: readonly number[]): Map<number, number> {
  if (dossierIds.length === 0) return new Map();
  const rows = db
    .select({ dossierId: documents.dossierId, pages: sql<number>`count(*)` })
    .from(scanPages)
    .innerJoin(documents, eq(documents.id, scanPages.documentId))
    .where(and(inArray(documents.dossierId, [...dossierIds]), sql`${scanPages.removedAt} IS NULL`))
    .groupBy(documents.dossierId)
    .all();
  return new Map(rows.map((row) => [row.dossierId, row.pages]));
}

/**
 * Whether the file is kept: a page of a dossier that is not destroyed refers to it, or a photo of the
 * inspection register does (the same content, stored once; registers are never destroyed – RT-07).
 */
const keptByLiveDossier = (fileId: SQL | typeof scanFiles.id) => sql`(EXISTS (
  SELECT 1 FROM scan_pages p JOIN documents doc ON doc.id = p.document_id JOIN dossiers d ON d.id = doc.dossier_id
  WHERE p.file_id = ${fileId} AND d.status <> 'destroyed') OR EXISTS (SELECT 1 FROM inspection_photos ph WHERE ph.file_id = ${fileId}))`;

/**
 * The stored files only these dossiers' pages (removed ones too) refer to: a file another dossier
 * still keeps – the same content filed there – is not among them. Call after their status is set.
 */
export function filesToErase(db: Db, dossierIds: readonly number[]): { id: number; address: string; pages: number }[] {
  if (dossierIds.length === 0) return [];
  return db
    .selectDistinct({ id: scanFiles.id, address: scanFiles.address, pages: scanFiles.pages })
    .from(scanFiles)
    .innerJoin(scanPages, eq(scanPages.fileId, scanFiles.id))
    .innerJoin(documents, eq(documents.id, scanPages.documentId))
    .where(and(inArray(documents.dossierId, [...dossierIds]), sql`NOT ${keptByLiveDossier(scanFiles.id)}`))
    .orderBy(asc(scanFiles.id))
    .all();
}

export function recordErasures(db: Db, destructionId: number, fileIds: readonly number[]): void {
  if (fileIds.length === 0) return;
  // A list of 500 dossiers may erase tens of thousands of files: written in groups.
  for (const group of inGroups(fileIds)) db.insert(scanErasures).values(group.map((fileId) => ({ fileId, destructionId }))).run();
}

/**
 * A file is erased when a destruction erased it and no dossier that is not destroyed has filed
 * the same content since: the store no longer keeps it and verify expects it gone.
 */
export function isErased(fileId: SQL | typeof scanFiles.id): SQL {
  return sql`(EXISTS (SELECT 1 FROM scan_erasures e WHERE e.file_id = ${fileId}) AND NOT ${keptByLiveDossier(fileId)})`;
}

export function erasedFileCount(db: Db): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM scan_files WHERE ${isErased(scanFiles.id)}`)?.n ?? 0;
}

export function erasedFilesOf(db: Db, destructionId: number): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM scan_erasures WHERE destruction_id = ${destructionId}`)?.n ?? 0;
}
