import { listLoans, openLoanOfDossier } from '../../../../db/repositories/loans';
import type { LoanDesk, LoanPage, LoanView } from '../../../../shared/contract';
import { parseTimeBound, formatLocalDate } from '../../../../shared/time';
import { readsRegisters } from '../../../../shared/register-readers';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { stateOf } from '../approvals/request-state';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { requireReadableLoan } from './loan-access';
import { loanQueue, requesterName } from './loan-queue';
import { toLoanView } from './loan-view';

export interface LoanListInput {
  state: 'open' | 'overdue' | 'returned' | 'all';
  kind?: 'loan' | 'consultation' | undefined;
  archiveNumber?: string | undefined;
  /** Only loans due back on this day. */
  dueOn?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  offset: number;
  limit: number;
}

/** One entry: the borrower's own, or any on a dossier the reader sees for those who read the whole register. */
export function loanEntry(ctx: HandlerContext, id: number): LoanView {
  const session = ctx.session();
  return toLoanView(requireReadableLoan(session.archive.database.db, session, id), ctx.env.now());
}

/**
 * The loan register. Archive clerks, approvers and auditors read all of it (on the dossiers they
 * see); everyone else reads their own loans.
 */
export function loanRegister(ctx: HandlerContext, input: LoanListInput): LoanPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const whole = readsRegisters(session.record.roles, session.settings.threeRoleSeparation);
  const dossierId = input.archiveNumber ? requireVisibleDossier(db, session, input.archiveNumber).id : undefined;
  const { loans, total } = listLoans(
    db,
    {
      state: input.state,
      kind: input.kind,
      dossierId,
      dueOn: input.dueOn,
      // The whole register on the dossiers the reader sees; otherwise one's own loans, whatever the dossier.
      ...(whole ? { visibility: visibilityOf(db, session) } : { borrowerId: session.record.id }),
      from: input.from ? parseTimeBound(input.from, false).toISOString() : undefined,
      to: input.to ? parseTimeBound(input.to, true).toISOString() : undefined,
      today: formatLocalDate(now),
    },
    input,
  );
  return { loans: loans.map((loan) => toLoanView(loan, now)), total };
}

/** What the desk shows for a dossier typed or scanned: the open loan to take back, or the queue to hand out from. */
export function loanDesk(ctx: HandlerContext, archiveNumber: string): LoanDesk {
  const session = ctx.session();
  const { db } = session.archive.database;
  const now = ctx.env.now();
  const dossier = requireVisibleDossier(db, session, archiveNumber.trim());
  const open = openLoanOfDossier(db, dossier.id);
  return {
    archiveNumber: dossier.archiveNumber,
    dossierTitle: dossier.title,
    level: dossier.level,
    status: dossier.status,
    openLoan: open ? toLoanView(open, now) : null,
    queue: loanQueue(db, dossier.id, now).map((request, index) => ({
      requestId: request.id,
      position: index + 1,
      state: stateOf(request, now) as 'pending' | 'approved',
      kind: request.kind as 'loan' | 'consultation',
      requester: requesterName(request),
      requesterLogin: request.requester?.login ?? null,
      requestedAt: request.requestedAt,
      periodDays: request.periodDays ?? 1,
    })),
  };
}
