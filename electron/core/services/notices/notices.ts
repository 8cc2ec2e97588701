import { existingNotices, markNoticesRead, noticesOf } from '../../../../db/repositories/notices';
import type { Db } from '../../../../db/open';
import type { NoticeList, NoticeView } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { isDatabaseDamage, toAppError } from '../../errors';
import { settleApprovalTerms } from '../loans/approval-terms';
import { dueApprovalNotices } from './approval-notices';
import { issueNotice } from './issue-notice';
import { dueLoanNotices } from './loan-notices';

const SHOWN = 50;

/** Why the archive may refuse a write for now, while it can still be read. */
const UNWRITABLE: ReadonlySet<ErrorCode> = new Set(['READ_ONLY', 'ARCHIVE_BUSY', 'ARCHIVE_DAMAGED', 'ARCHIVE_ROLLED_BACK', 'DISK_FULL']);

function listFor(db: Db, userId: number): NoticeList {
  const { notices, unread } = noticesOf(db, userId, SHOWN);
  return { notices: notices.map((n): NoticeView => ({ id: n.id, kind: n.kind as NoticeView['kind'], subject: n.subject, detail: n.detail, createdAt: n.createdAt, read: n.readAt !== null })), unread };
}

/**
 * Issues what is due and not yet issued, then lists the user's notices. Nothing is written – not
 * even an audit event – when nothing new is due, so the window may ask every few minutes. When
 * the archive cannot be written now (read-only, another program's import, damage seen), the
 * notices are listed all the same and what is due is issued at a later check. Damage met here
 * for the first time is reported, so that it is recorded.
 */
export function checkNotices(ctx: HandlerContext): NoticeList {
  const session = ctx.session();
  const { db } = session.archive.database;
  try {
    issueDueNotices(ctx);
  } catch (error) {
    if (isDatabaseDamage(error) || !UNWRITABLE.has(toAppError(error).code)) throw error;
  }
  return listFor(db, session.record.id);
}

function issueDueNotices(ctx: HandlerContext): void {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const expired = dueApprovalNotices(db, now);
  const due = [...dueLoanNotices(db, session.settings, now), ...expired.notices];
  const issued = existingNotices(db, due);
  const fresh = due.filter((n) => !issued.has(`${n.userId}:${n.key}`));
  if (fresh.length === 0) return;
  ctx.write(
    (db2) => {
      const count = fresh.filter((n) => issueNotice(db2, { ...n, at: now.toISOString() })).length;
      // An approval that ran out no longer holds its place: the next in the queue gets its days.
      for (const dossierId of expired.dossierIds) settleApprovalTerms(db2, dossierId, now, session.settings.approvalValidDays);
      return count;
    },
    (count) => ({ action: 'notice:issue', summary: { issued: count, kinds: [...new Set(fresh.map((n) => n.kind))].join(',') } }),
  );
}

export function readNotices(ctx: HandlerContext, ids: number[]): NoticeList {
  const session = ctx.session();
  const now = ctx.env.now();
  return ctx.write(
    (db) => {
      markNoticesRead(db, session.record.id, ids, now.toISOString());
      return listFor(db, session.record.id);
    },
    { action: 'notice:read', summary: { notices: ids.length } },
  );
}
