import { insertNoticeOnce } from '../../../../db/repositories/notices';
import type { Db } from '../../../../db/open';

/** A notice to one user; the same key never makes a second one (each reminder and escalation once). */
export function issueNotice(db: Db, notice: { userId: number; kind: string; subject: string; key: string; detail: Record<string, unknown>; at: string }): boolean {
  return insertNoticeOnce(db, notice);
}
