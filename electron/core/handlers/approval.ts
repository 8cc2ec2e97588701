import type { approvalContract } from '../../../shared/contract';
import { approvalsOf, grantApproval } from '../services/approvals/approvals';
import type { HandlersFor } from './types';

export const approvalHandlers: HandlersFor<typeof approvalContract> = {
  'approval:grant': (ctx, input) => grantApproval(ctx, input),
  'approval:list': (ctx, input) => approvalsOf(ctx, input.archiveNumber),
};
