import { findRequest } from '../../../../db/repositories/approvals';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { requestKindLabels } from '../../../../shared/approval-routing';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibleRequest } from './approval-queries';
import { toApprovalViews } from './approval-view';
import { stateOf } from './request-state';
import { spendApproval } from './use-approval';

const SELF_USED = ['export', 'loan', 'consultation'];

/**
 * A copy or an excerpt is made in the archive room under the clerk's eyes: the clerk records it,
 * and the approval is used up – once, as the rule says (LE-05).
 */
export function recordUse(ctx: HandlerContext, input: { id: number; note?: string | undefined }): ApprovalRequestView {
  const session = ctx.session();
  const now = ctx.env.now();
  const seen = visibleRequest(ctx, input.id);
  if (SELF_USED.includes(seen.kind)) {
    const label = requestKindLabels[seen.kind];
    throw new AppError('VALIDATION', { zh: `${label.zh}审批在办理${label.zh}时自动使用，无需登记`, en: `A ${label.en.toLowerCase()} approval is used by the ${label.en.toLowerCase()} itself` }, { issues: [{ path: 'id', message: `${label.zh}审批无需登记使用`, messageEn: 'Used by the action itself' }] });
  }
  return ctx.write(
    (db) => {
      const request = findRequest(db, input.id);
      if (!request) throw new AppError('INTERNAL');
      const state = stateOf(request, now);
      if (state !== 'approved') throw new AppError(state === 'pending' ? 'APPROVAL_REQUIRED' : 'CONFLICT', { zh: `申请 ${request.id} 不是可使用的审批（${state}）`, en: `Request ${request.id} is no approval that can be used (${state})` });
      spendApproval(db, request.id, now);
      const used = findRequest(db, request.id);
      if (!used) throw new AppError('INTERNAL');
      return toApprovalViews(db, session, [used], now)[0] as ApprovalRequestView;
    },
    (request) => ({
      action: 'approval:record-use',
      target: { type: 'dossier', id: seen.dossier.id, label: seen.dossier.archiveNumber },
      summary: { requestId: request.id, kind: request.kind, copies: request.copies, note: input.note || null },
    }),
  );
}
