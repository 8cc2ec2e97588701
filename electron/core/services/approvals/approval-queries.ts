import { findRequest, openRequestsOf, pendingRequests, requestsOfDossier, requestsOfUser, type RequestRecord } from '../../../../db/repositories/approvals';
import { findVisibleDossier } from '../../../../db/repositories/dossiers';
import type { ApprovalPage, ApprovalRequestView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { mayDecideNow, toApprovalViews } from './approval-view';

/**
 * A request the signed-in user may look at: their own or one they registered, one they decided or
 * may decide, or one on a dossier they see. Anything else is NOT_FOUND, as if it did not exist.
 */
export function visibleRequest(ctx: HandlerContext, id: number): RequestRecord {
  const session = ctx.session();
  const { db } = session.archive.database;
  const request = findRequest(db, id);
  const me = session.record.id;
  const visible =
    request !== null &&
    (request.requester?.id === me ||
      request.registeredBy.id === me ||
      request.decisions.some((d) => d.approver.id === me) ||
      mayDecideNow(db, session, request) ||
      findVisibleDossier(db, request.dossier.archiveNumber, visibilityOf(db, session)) !== null);
  if (!visible) throw new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的申请`, en: `There is no request no. ${id}` });
  return request;
}

export function approvalRequest(ctx: HandlerContext, id: number): ApprovalRequestView {
  const session = ctx.session();
  return toApprovalViews(session.archive.database.db, session, [visibleRequest(ctx, id)], ctx.env.now())[0] as ApprovalRequestView;
}

export function approvalsOfDossier(ctx: HandlerContext, archiveNumber: string): ApprovalRequestView[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  return toApprovalViews(db, session, requestsOfDossier(db, requireVisibleDossier(db, session, archiveNumber).id), ctx.env.now());
}

/** The approver's inbox: requests whose open step the signed-in user may decide, oldest first (the first `limit` of them, as views). */
export function approvalInbox(ctx: HandlerContext, limit?: number): ApprovalPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const mine = pendingRequests(db)
    .filter((request) => mayDecideNow(db, session, request))
    .reverse();
  return { requests: toApprovalViews(db, session, limit === undefined ? mine : mine.slice(0, limit), ctx.env.now()), total: mine.length };
}

export function myApprovals(ctx: HandlerContext, page: { offset: number; limit: number }): ApprovalPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { requests, total } = requestsOfUser(db, session.record.id, page);
  return { requests: toApprovalViews(db, session, requests, ctx.env.now()), total };
}

/** The signed-in user's own requests under way (waiting, or approved and unused), newest first. */
export function myOpenApprovals(ctx: HandlerContext, limit: number): ApprovalPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const { requests, total } = openRequestsOf(db, session.record.id, now.toISOString(), limit);
  return { requests: toApprovalViews(db, session, requests, now), total };
}
