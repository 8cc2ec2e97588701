import { asc, count, desc, gt, sql } from 'drizzle-orm';
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
