import { existingNotices, markNoticesRead, noticesOf } from '../../../../db/repositories/notices';
import type { Db } from '../../../../db/open';
import type { NoticeList, NoticeView } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { issueNotice } from './issue-notice';
import { dueLoanNotices } from './loan-notices';

const SHOWN = 50;

function listFor(db: Db, userId: number): NoticeList {
  const { notices, unread } = noticesOf(db, userId, SHOWN);
  return { notices: notices.map((n): NoticeView => ({ id: n.id, kind: n.kind as NoticeView['kind'], subject: n.subject, detail: n.detail, createdAt: n.createdAt, read: n.readAt !== null })), unread };
}

/**
 * Issues what is due and not yet issued, then lists the user's notices. Nothing is written – not
 * even an audit event – when nothing new is due, so the window may ask every few minutes.
 */
export function checkNotices(ctx: HandlerContext): NoticeList {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const due = dueLoanNotices(db, session.settings, now);
  const issued = existingNotices(db, due);
  const fresh = due.filter((n) => !issued.has(`${n.userId}:${n.key}`));
  if (fresh.length > 0) {
    ctx.write(
      (db2) => fresh.filter((n) => issueNotice(db2, { ...n, at: now.toISOString() })).length,
      (count) => ({ action: 'notice:issue', summary: { issued: count, kinds: [...new Set(fresh.map((n) => n.kind))].join(',') } }),
    );
  }
  return listFor(db, session.record.id);
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
