import type { approvalContract } from '../../../shared/contract';
import { approvalInbox, approvalRequest, approvalsOfDossier, myApprovals } from '../services/approvals/approval-queries';
import { decideApproval, withdrawApproval } from '../services/approvals/decide-approval';
import { recordUse } from '../services/approvals/record-use';
import { requestApproval } from '../services/approvals/request-approval';
import type { HandlersFor } from './types';

export const approvalHandlers: HandlersFor<typeof approvalContract> = {
  'approval:request': (ctx, input) => requestApproval(ctx, input),
  'approval:decide': (ctx, input) => decideApproval(ctx, input),
  'approval:record-use': (ctx, input) => recordUse(ctx, input),
  'approval:withdraw': (ctx, input) => withdrawApproval(ctx, input.id),
  'approval:get': (ctx, input) => approvalRequest(ctx, input.id),
  'approval:list': (ctx, input) => approvalsOfDossier(ctx, input.archiveNumber),
  'approval:inbox': (ctx) => approvalInbox(ctx).requests,
  'approval:mine': (ctx, input) => myApprovals(ctx, input),
};
