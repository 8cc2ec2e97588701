import { insertListApproval } from '../../../../db/repositories/disposal';
import { roleLabels } from '../../../../shared/permissions';
import type { DestructionListView, ParsedInputOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { listState, mayDecide, readableList } from './list-access';
import { listView } from './list-view';

/** The awaited approver's decision on a destruction list: approved by the last step, or rejected by any. */
export function decideDestructionList(ctx: HandlerContext, input: ParsedInputOf<'disposal:decide'>): DestructionListView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const state = readableList(ctx, input.id);
  if (state.state !== 'approving' || state.awaiting === null) {
    throw new AppError('CONFLICT', { zh: `销毁清册 ${state.list.number} 不在审批中`, en: `Destruction list ${state.list.number} is not awaiting approval` });
  }
  const role = roleLabels[state.awaiting];
  if (!mayDecide(session, state)) {
    ctx.deny({ zh: `此步骤须由${role.zh}审批（编制人与已审批的人除外）`, en: `This step is decided by the ${role.en} (not by who made the list, nor by an earlier approver)` }, { target: { type: 'destruction-list', id: state.list.id, label: state.list.number } });
  }
  const step = state.approvals.length;
  ctx.write(
    (db) => insertListApproval(db, { listId: state.list.id, step, approverId: session.record.id, decision: input.decision, comment: input.comment || null, decidedAt: ctx.env.now().toISOString() }),
    { action: 'disposal:decide', target: { type: 'destruction-list', id: state.list.id, label: state.list.number }, summary: { step: step + 1, role: role.zh, decision: input.decision, ...(input.comment ? { comment: input.comment } : {}) } },
  );
  return listView(db, session, listState(db, state.list.id));
}
