import { type Workbench, WORKBENCH_SHOWN } from '../../../../shared/contract';
import { can } from '../../../../shared/permissions';
import { readsRegisters } from '../../../../shared/register-readers';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { approvalInbox, myOpenApprovals } from '../approvals/approval-queries';
import { intakeBook, intakeShortages } from '../intakes/intake-queries';
import { addDays } from '../loans/loan-days';
import { loanRegister } from '../loans/loan-queries';

const page = { offset: 0, limit: WORKBENCH_SHOWN };

/**
 * The home screen of clerks and approvers (工作台): approvals to decide, loans due today and
 * overdue, late hand-overs, open shortages and recent intakes – each section as the user's rights
 * and visibility allow, through the same queries as the registers themselves.
 */
export function workbench(ctx: HandlerContext): Workbench {
  const session = ctx.session();
  const { roles } = session.record;
  const separation = session.settings.threeRoleSeparation;
  const today = formatLocalDate(ctx.env.now());
  const wholeRegisters = readsRegisters(roles, separation);
  const reads = can(roles, 'dossier.read', separation);
  const inbox = can(roles, 'approval.grant', separation) ? approvalInbox(ctx, WORKBENCH_SHOWN) : null;
  const mine = reads ? myOpenApprovals(ctx, WORKBENCH_SHOWN) : { requests: [], total: 0 };
  const loans = (state: 'open' | 'overdue', dueOn?: string) => (reads ? loanRegister(ctx, { state, ...(dueOn ? { dueOn } : {}), ...page }) : { loans: [], total: 0 });
  const dueToday = loans('open', today);
  const overdue = loans('overdue');
  const late = wholeRegisters ? intakeBook(ctx, { late: true, from: addDays(today, -30), ...page }) : null;
  const shortages = wholeRegisters ? intakeShortages(ctx, page) : null;
  const recent = wholeRegisters ? intakeBook(ctx, { late: false, from: addDays(today, -7), ...page }) : null;
  return {
    today,
    toDecide: inbox ? { items: inbox.requests, total: inbox.total } : null,
    myRequests: { items: mine.requests, total: mine.total },
    dueToday: { items: dueToday.loans, total: dueToday.total },
    overdue: { items: overdue.loans, total: overdue.total },
    lateIntakes: late ? { items: late.intakes, total: late.total } : null,
    shortages: shortages ? { items: shortages.shortages, total: shortages.total } : null,
    recentIntakes: recent ? { items: recent.intakes, total: recent.total } : null,
  };
}
