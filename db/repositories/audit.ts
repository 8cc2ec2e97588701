import { and, asc, count, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { auditEvents } from '../schema';

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEventRow = Omit<AuditEventRow, 'id'>;

export function lastAuditEvent(db: Db): Pick<AuditEventRow, 'id' | 'hash'> | null {
  return db.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get() ?? null;
}

export function insertAuditEvent(db: Db, row: NewAuditEventRow): number {
  return db.insert(auditEvents).values(row).returning({ id: auditEvents.id }).get().id;
}

/** Every event in chain order, in batches, without loading the whole trail into memory. */
export function* auditEventsInOrder(db: Db, batchSize = 1000): Generator<AuditEventRow> {
  let afterId = 0;
  for (;;) {
    const batch = db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(batchSize).all();
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    afterId = last.id;
  }
}

export function countAuditEvents(db: Db): number {
  return db.select({ n: count() }).from(auditEvents).get()?.n ?? 0;
}

/** The highest event id SQLite has ever handed out (sqlite_sequence), 0 before the first event. */
export function highestAuditIdIssued(db: Db): number {
  const row = db.get<{ seq: number } | undefined>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'`);
  return row?.seq ?? 0;
}

export interface AuditQuery {
  fromIso?: string;
  /** Exclusive upper bound. */
  toIso?: string;
  userLogin?: string;
  action?: string;
  /** Events about any of these (a dossier, and the import that brought it in). */
  targets?: readonly { type: string; id: string }[];
  /** With `targets`: also the links made or removed from another dossier to this archive number. */
  linkedNumber?: string;
  /** Keyset cursor: events with a smaller id (newest first). */
  beforeId?: number;
  limit: number;
}

/** A link is recorded on the dossier it was made from; the other one is named in its summary. */
function linkedFrom(archiveNumber: string | undefined): SQL | undefined {
  if (archiveNumber === undefined) return undefined;
  return and(inArray(auditEvents.action, ['link:add', 'link:remove']), sql`json_extract(${auditEvents.summary}, '$.other') = ${archiveNumber}`);
}

/** `document:add` matches that action; `document:` every action of the family. */
function actionFilter(action: string): SQL {
  return action.endsWith(':') ? sql`substr(${auditEvents.action}, 1, ${action.length}) = ${action}` : eq(auditEvents.action, action);
}

/** Newest first, filtered, keyset-paginated. */
export function queryAuditEvents(db: Db, query: AuditQuery): AuditEventRow[] {
  return db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.fromIso ? gte(auditEvents.at, query.fromIso) : undefined,
        query.toIso ? lt(auditEvents.at, query.toIso) : undefined,
        query.userLogin ? eq(auditEvents.userLogin, query.userLogin) : undefined,
        query.action ? actionFilter(query.action) : undefined,
        query.targets ? (or(...query.targets.map((t) => and(eq(auditEvents.targetType, t.type), eq(auditEvents.targetId, t.id))), linkedFrom(query.linkedNumber)) ?? sql`0`) : undefined,
        query.beforeId === undefined ? undefined : lt(auditEvents.id, query.beforeId),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit)
    .all();
}

/** Whether an event of this action already records this target (imports stay idempotent). */
export function auditEventExists(db: Db, action: string, targetId: string): boolean {
  return db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, targetId))).limit(1).get() !== undefined;
}

/** The newest event of any of these actions with an id above `afterId` (0: any), or null. */
export function newestAuditEvent(db: Db, actions: readonly string[], afterId = 0): AuditEventRow | null {
  return db.select().from(auditEvents).where(and(inArray(auditEvents.action, [...actions]), gt(auditEvents.id, afterId))).orderBy(desc(auditEvents.id)).limit(1).get() ?? null;
}
