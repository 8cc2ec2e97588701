import { destructionListsNewestFirst, erasedFilesOf } from '../../../../db/repositories/disposal';
import type { Db } from '../../../../db/open';
import type { DestructionListSummary, DestructionListView } from '../../../../shared/contract';
import type { Retention } from '../../../../shared/dossier-types';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { assertReadsLists, listState, mayDecide, readableList, type ListState } from './list-access';

const LISTS_SHOWN = 200;

function summaryOf(state: ListState): DestructionListSummary {
  return {
    id: state.list.id,
    number: state.list.number,
    method: state.list.method,
    state: state.state,
    dossiers: state.items.length,
    createdBy: state.list.createdBy.displayName,
    createdAt: state.list.createdAt,
    destroyedOn: state.destruction?.destroyedOn ?? null,
  };
}

export function listView(db: Db, session: ActiveSession, state: ListState): DestructionListView {
  return {
    ...summaryOf(state),
    items: state.items.map((item) => ({ archiveNumber: item.archiveNumber, title: item.title, retention: JSON.parse(item.retention) as Retention, periodFrom: item.periodFrom, dueOn: item.dueOn, pages: item.pages, reason: item.reason })),
    steps: state.list.route.map((role, step) => {
      const decided = state.approvals.find((a) => a.step === step);
      return { role, decision: decided ? { approver: decided.approver.displayName, decision: decided.decision, comment: decided.comment, decidedAt: decided.decidedAt } : null };
    }),
    awaiting: state.awaiting,
    mayDecide: mayDecide(session, state),
    destruction: state.destruction
      ? {
          destroyedOn: state.destruction.destroyedOn,
          carriedOutBy: state.destruction.carriedOutBy.displayName,
          carriedOutAt: state.destruction.carriedOutAt,
          witnesses: state.destruction.witnesses.map((w) => w.displayName),
          erasedFiles: erasedFilesOf(db, state.destruction.id),
        }
      : null,
  };
}

export function getDestructionList(ctx: HandlerContext, id: number): DestructionListView {
  const session = ctx.session();
  return listView(session.archive.database.db, session, readableList(ctx, id));
}

/** The latest lists, newest first (those whose dossiers the reader's clearance covers). */
export function listDestructionLists(ctx: HandlerContext): DestructionListSummary[] {
  assertReadsLists(ctx);
  const session = ctx.session();
  const { db } = session.archive.database;
  return destructionListsNewestFirst(db, LISTS_SHOWN)
    .map((list) => listState(db, list.id))
    .filter((state) => state.items.every((item) => item.level <= session.record.clearance))
    .map(summaryOf);
}
