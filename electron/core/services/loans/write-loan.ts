import type { Db } from '../../../../db/open';
import { findLoan } from '../../../../db/repositories/loans';
import type { LoanView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditDraft } from '../../audit/chain';
import type { HandlerContext } from '../../context';
import { toLoanView } from './loan-view';

/**
 * A write about one loan – its hand-out, return or a correction: `change` returns the loan's id;
 * the answer is the loan as it is after the change, audited against its dossier.
 */
export function writeLoan(ctx: HandlerContext, change: (db: Db) => number, audit: (loan: LoanView) => Omit<AuditDraft, 'target'>): LoanView {
  const now = ctx.env.now();
  let dossierId = 0;
  return ctx.write(
    (db) => {
      const record = findLoan(db, change(db));
      if (!record) throw new AppError('INTERNAL');
      dossierId = record.dossier.id;
      return toLoanView(record, now);
    },
    (loan) => ({ ...audit(loan), target: { type: 'dossier', id: dossierId, label: loan.archiveNumber } }),
  );
}
