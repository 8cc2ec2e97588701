import { findRequest, insertDecision, updateRequestState, type RequestRecord } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { can, roleLabels } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import { mayDecideNow, toApprovalViews } from './approval-view';
import { stateOf } from './request-state';
import { visibleRequest } from './approval-queries';
import { settleApprovalTerms } from '../loans/approval-terms';

const stateNames = { approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', used: '已使用', expired: '已过期', pending: '待审批' } as const;

function requireOpen(request: RequestRecord, now: Date): void {
  if (request.status !== 'pending') {
    const state = stateOf(request, now);
    throw new AppError('CONFLICT', { zh: `此申请${stateNames[state]}，不能再处理`, en: `This request is ${state} and can no longer be acted on` });
  }
}

/**
 * An approver's decision on the step now open. The decision is appended; a rejection ends the
 * request, the last approval makes it an approval valid for the configured days (a loan's or a
 * consultation's days run once the dossier is there for it). Read again inside the write: two
 * approvers deciding at once cannot both decide the same step.
 */
export function decideApproval(ctx: HandlerContext, input: { id: number; decision: 'approve' | 'reject'; comment?: string | undefined }): ApprovalRequestView {
  const session = ctx.session();
  const now = ctx.env.now();
  const seen = visibleRequest(ctx, input.id);
  requireOpen(seen, now);
  if (!mayDecideNow(session.archive.database.db, session, seen)) {
    const step = seen.route[seen.nextStep];
    ctx.deny(
      seen.requester?.id === session.record.id
        ? { zh: '不能审批自己的申请', en: 'You cannot decide your own request' }
        : { zh: `此步骤须由${step ? roleLabels[step.role].zh : '审批人'}审批`, en: `This step is decided by the ${step ? roleLabels[step.role].en.toLowerCase() : 'approver'}` },
      { target: { type: 'dossier', id: seen.dossier.id, label: seen.dossier.archiveNumber }, summary: { requestId: seen.id } },
    );
  }
  return ctx.write(
    (db) => {
      const request = reread(db, input.id);
      requireOpen(request, now);
      if (request.nextStep !== seen.nextStep) throw new AppError('CONFLICT', { zh: '此步骤刚由他人审批，请刷新', en: 'Someone else has just decided this step; refresh' });
      const at = now.toISOString();
      insertDecision(db, { requestId: request.id, step: request.nextStep, approverId: session.record.id, decision: input.decision, comment: input.comment || null, decidedAt: at });
      const last = request.nextStep + 1 >= request.route.length;
      if (input.decision === 'reject') updateRequestState(db, request.id, { status: 'rejected', nextStep: request.nextStep, decidedAt: at, validUntil: null });
      else if (!last) updateRequestState(db, request.id, { status: 'pending', nextStep: request.nextStep + 1, decidedAt: null, validUntil: null });
      else if (waitsForDossier(request)) {
        // Its term starts when the dossier is there for it – now, or when its turn comes.
        updateRequestState(db, request.id, { status: 'approved', nextStep: request.nextStep + 1, decidedAt: at, validUntil: null });
        settleApprovalTerms(db, request.dossier.id, now, session.settings.approvalValidDays);
      } else updateRequestState(db, request.id, { status: 'approved', nextStep: request.nextStep + 1, decidedAt: at, validUntil: new Date(now.getTime() + session.settings.approvalValidDays * 86_400_000).toISOString() });
      return toApprovalViews(db, session, [reread(db, request.id)], now)[0] as ApprovalRequestView;
    },
    (request) => ({
      action: 'approval:decide',
      target: { type: 'dossier', id: seen.dossier.id, label: seen.dossier.archiveNumber },
      summary: { requestId: request.id, kind: request.kind, step: seen.nextStep + 1, role: seen.route[seen.nextStep]?.role ?? null, decision: input.decision, comment: input.comment || null, state: request.state },
    }),
  );
}

/**
 * The requester, the clerk who registered it, or an archive clerk takes a request back – while it
 * waits, or once approved as long as it is unused (no longer needed, or it would hold up the queue).
 */
export function withdrawApproval(ctx: HandlerContext, id: number): ApprovalRequestView {
  const session = ctx.session();
  const now = ctx.env.now();
  const seen = visibleRequest(ctx, id);
  const keeper = can(session.record.roles, 'register.keep', session.settings.threeRoleSeparation);
  if (seen.requester?.id !== session.record.id && seen.registeredBy.id !== session.record.id && !keeper) {
    ctx.deny({ zh: '只有申请人、登记人或档案管理员可以撤回申请', en: 'Only the requester, whoever registered it or an archive clerk may withdraw a request' }, { target: { type: 'dossier', id: seen.dossier.id, label: seen.dossier.archiveNumber }, summary: { requestId: id } });
  }
  return ctx.write(
    (db) => {
      const request = reread(db, id);
      const approved = stateOf(request, now) === 'approved';
      if (!approved) requireOpen(request, now);
      // An approval keeps the day and term it was decided with; a waiting request ends now.
      updateRequestState(db, id, { status: 'withdrawn', nextStep: request.nextStep, decidedAt: approved ? request.decidedAt : now.toISOString(), validUntil: approved ? request.validUntil : null });
      // The next in the dossier's queue may now be first.
      if (approved && waitsForDossier(request)) settleApprovalTerms(db, request.dossier.id, now, session.settings.approvalValidDays);
      return toApprovalViews(db, session, [reread(db, id)], now)[0] as ApprovalRequestView;
    },
    (request) => ({ action: 'approval:withdraw', target: { type: 'dossier', id: seen.dossier.id, label: seen.dossier.archiveNumber }, summary: { requestId: request.id, kind: request.kind } }),
  );
}

/** Loans and consultations take the dossier itself: their approvals wait in its queue. */
function waitsForDossier(request: RequestRecord): boolean {
  return request.kind === 'loan' || request.kind === 'consultation';
}

function reread(db: Db, id: number): RequestRecord {
  const request = findRequest(db, id);
  if (!request) throw new AppError('INTERNAL');
  return request;
}
