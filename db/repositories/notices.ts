import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { notices } from '../schema';

export interface NoticeRecord {
  id: number;
  kind: string;
  subject: string;
  detail: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** Inserts the notice unless this user already has one with its key; true when it is new. */
export function insertNoticeOnce(db: Db, notice: { userId: number; kind: string; subject: string; key: string; detail: Record<string, unknown>; at: string }): boolean {
  const result = db
    .insert(notices)
    .values({ userId: notice.userId, kind: notice.kind, subject: notice.subject, key: notice.key, detail: JSON.stringify(notice.detail), createdAt: notice.at })
    .onConflictDoNothing()
    .run();
  return result.changes > 0;
}

export function noticesOf(db: Db, userId: number, limit: number): { notices: NoticeRecord[]; unread: number } {
  const rows = db.select().from(notices).where(eq(notices.userId, userId)).orderBy(desc(notices.id)).limit(limit).all();
  const unread = db.select({ n: sql<number>`count(*)` }).from(notices).where(and(eq(notices.userId, userId), isNull(notices.readAt))).get()?.n ?? 0;
  return { notices: rows.map((row) => ({ id: row.id, kind: row.kind, subject: row.subject, detail: JSON.parse(row.detail) as Record<string, unknown>, createdAt: row.createdAt, readAt: row.readAt })), unread };
}

export function markNoticesRead(db: Db, userId: number, ids: number[], at: string): void {
  if (ids.length === 0) return;
  db.update(notices).set({ readAt: at }).where(and(eq(notices.userId, userId), inArray(notices.id, ids), isNull(notices.readAt))).run();
}

/** Which of these (user, key) notices exist already, as `userId:key`. */
export function existingNotices(db: Db, wanted: readonly { userId: number; key: string }[]): Set<string> {
  if (wanted.length === 0) return new Set();
  const rows = db.select({ userId: notices.userId, key: notices.key }).from(notices).where(inArray(notices.key, [...new Set(wanted.map((w) => w.key))])).all();
  return new Set(rows.map((row) => `${row.userId}:${row.key}`));
}
