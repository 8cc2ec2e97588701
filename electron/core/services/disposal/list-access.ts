import { approvalsOfList, destructionOfList, findDestructionList, itemsOfList, type DestructionListRecord, type ListApprovalRecord, type ListItemRecord, type DestructionRecord } from '../../../../db/repositories/disposal';
import type { Db } from '../../../../db/open';
import type { DestructionListState } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { permissionsOf, type Role } from '../../../../shared/permissions';
import { readsRegisters } from '../../../../shared/register-readers';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';

/** A list with everything recorded about it, and where it stands. */
export interface ListState {
  list: DestructionListRecord;
  items: ListItemRecord[];
  approvals: ListApprovalRecord[];
  destruction: DestructionRecord | null;
  state: DestructionListState;
  /** The role whose decision is awaited. */
  awaiting: Role | null;
}

export function listState(db: Db, id: number): ListState {
  const list = findDestructionList(db, id);
  if (!list) throw new AppError('NOT_FOUND', { zh: `没有第 ${id} 号销毁清册`, en: `There is no destruction list no. ${id}` });
  const items = itemsOfList(db, id);
  const approvals = approvalsOfList(db, id);
  const destruction = destructionOfList(db, id);
  const rejected = approvals.some((a) => a.decision === 'reject');
  const state: DestructionListState = destruction ? 'carried-out' : rejected ? 'rejected' : approvals.length >= list.route.length ? 'approved' : 'approving';
  return { list, items, approvals, destruction, state, awaiting: state === 'approving' ? (list.route[approvals.length] ?? null) : null };
}

/**
 * A destruction list is read by those who keep, approve from or audit the registers, and only
 * whole: a reader whose clearance is below a listed dossier's level does not see the list.
 */
export function readableList(ctx: HandlerContext, id: number): ListState {
  assertReadsLists(ctx);
  const session = ctx.session();
  const state = listState(session.archive.database.db, id);
  if (state.items.some((item) => item.level > session.record.clearance)) {
    throw new AppError('NOT_FOUND', { zh: `没有第 ${id} 号销毁清册`, en: `There is no destruction list no. ${id}` });
  }
  return state;
}

export function assertReadsLists(ctx: HandlerContext): void {
  const session = ctx.session();
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) {
    ctx.deny({ zh: '只有档案管理员、审批人和审计员可以查看销毁清册', en: 'Only archive clerks, approvers and auditors read destruction lists' });
  }
}

/**
 * Who may decide the awaited step: an active holder of its role with the right to approve –
 * never who made the list, nor who decided another step of it (an approval by two is two people).
 */
export function mayDecide(session: ActiveSession, state: ListState): boolean {
  const user = session.record;
  if (state.awaiting === null || user.status !== 'active' || !user.roles.includes(state.awaiting)) return false;
  if (!permissionsOf(user.roles, session.settings.threeRoleSeparation).has('approval.grant')) return false;
  return user.id !== state.list.createdBy.id && !state.approvals.some((a) => a.approver.id === user.id);
}
