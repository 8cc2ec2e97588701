import { insertReturnCorrection } from '../../../../db/repositories/loans';
import type { Finding, LoanView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { checkFindings } from './findings';
import { requireVisibleLoan } from './loan-access';
import { writeLoan } from './write-loan';

/**
 * Corrects what a return recorded (CF-13): the return stays as written; a new entry referring to
 * it gives the findings as they should have been, and why. The latest correction counts – in the
 * register, its printout and the violation ledger.
 */
export function correctReturn(ctx: HandlerContext, input: { loanId: number; findings: Finding[]; reason: string }): LoanView {
  const session = ctx.session();
  const now = ctx.env.now();
  return writeLoan(
    ctx,
    (db) => {
      const { loan } = requireVisibleLoan(db, session, input.loanId);
      if (!loan.returned) throw new AppError('CONFLICT', { zh: `借阅登记 ${loan.id} 尚未归还，没有可更正的归还记录`, en: `Loan ${loan.id} has not come back: there is no return to correct` });
      checkFindings(loan, input.findings);
      insertReturnCorrection(db, { loanId: loan.id, correctedBy: session.record.id, correctedAt: now.toISOString(), findings: input.findings, reason: input.reason });
      return loan.id;
    },
    (loan) => ({
      action: 'loan:correct-return',
      summary: { loanId: loan.id, findings: loan.returned?.findings.length ?? 0, reason: input.reason },
    }),
  );
}
