import { setDossierStatus } from '../../../../db/repositories/dossiers';
import { insertReturn } from '../../../../db/repositories/loans';
import type { Finding, LoanView, Signature } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { issueNotice } from '../notices/issue-notice';
import { stateOf } from '../approvals/request-state';
import { settleApprovalTerms } from './approval-terms';
import { checkFindings } from './findings';
import { requireVisibleLoan } from './loan-access';
import { loanQueue } from './loan-queue';
import { writeLoan } from './write-loan';

/**
 * Takes a loan back and cancels its entry (注销): what came back is checked against what went out
 * – documents and pages – and each shortfall or damage is recorded as a finding; the returner
 * signs. The dossier is in the archive again, and the next in its queue is told.
 */
export function returnLoan(ctx: HandlerContext, input: { loanId: number; findings: Finding[]; signature: Signature; note?: string | undefined }): LoanView {
  const session = ctx.session();
  const now = ctx.env.now();
  return writeLoan(
    ctx,
    (db) => {
      const { loan, dossier } = requireVisibleLoan(db, session, input.loanId);
      if (loan.returned) throw new AppError('CONFLICT', { zh: `借阅登记 ${loan.id} 已于 ${loan.returned.at.slice(0, 10)} 归还注销`, en: `Loan ${loan.id} was returned on ${loan.returned.at.slice(0, 10)}` });
      checkFindings(loan, input.findings);
      insertReturn(db, { loanId: loan.id, receivedBy: session.record.id, returnedAt: now.toISOString(), findings: input.findings, returnerSignature: input.signature, note: input.note || null });
      setDossierStatus(db, dossier.id, 'in-archive', now.toISOString());
      // Back: the first approval waiting for it starts its days now.
      settleApprovalTerms(db, dossier.id, now, session.settings.approvalValidDays);
      // The first approved request is the one that can be handed out now: its requester is told – for an outsider, the clerk who registered it.
      const next = loanQueue(db, dossier.id, now).find((r) => stateOf(r, now) === 'approved');
      if (next) {
        issueNotice(db, { userId: next.requester?.id ?? next.registeredBy.id, kind: 'queue-turn', subject: `request:${next.id}`, key: `request:${next.id}:turn:${loan.id}`, detail: { archiveNumber: dossier.archiveNumber, title: dossier.title, requestId: next.id }, at: now.toISOString() });
      }
      return loan.id;
    },
    (loan) => ({
      action: 'loan:return',
      summary: { loanId: loan.id, kind: loan.kind, findings: loan.returned?.findings.length ?? 0, overdueDays: loan.overdueDays, signedBy: loan.returned?.returnerSignature.name ?? '' },
    }),
  );
}
