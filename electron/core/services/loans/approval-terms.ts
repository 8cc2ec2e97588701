import { setApprovalTerm, type RequestRecord } from '../../../../db/repositories/approvals';
import { openLoanOfDossier, type LoanRecord } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import { stateOf } from '../approvals/request-state';
import { loanQueue } from './loan-queue';

/** Whether the holder's own approved loan request takes the loan over (续借). */
export function isRenewal(out: LoanRecord, request: Pick<RequestRecord, 'kind' | 'requester'>): boolean {
  return request.kind === 'loan' && request.requester !== null && out.borrower?.id === request.requester.id;
}

/**
 * A loan or consultation approval's days run only while the dossier is there for it: the first
 * approved request in the queue has a term once the dossier is not out (or, for the holder's
 * renewal, while he has it); every approval behind it – or waiting while the dossier is out –
 * has none, and keeps its place. Called in every write that changes the queue or the dossier's
 * whereabouts (a decision, a withdrawal, a hand-out, a return, an approval running out), so a
 * term starts when its turn comes and never runs out while it waits.
 */
export function settleApprovalTerms(db: Db, dossierId: number, now: Date, validDays: number): void {
  const out = openLoanOfDossier(db, dossierId);
  const approved = loanQueue(db, dossierId, now).filter((request) => stateOf(request, now) === 'approved');
  approved.forEach((request, index) => {
    const available = index === 0 && (out === null || isRenewal(out, request));
    if (available && request.validUntil === null) setApprovalTerm(db, request.id, new Date(now.getTime() + validDays * 86_400_000).toISOString());
    if (!available && request.validUntil !== null) setApprovalTerm(db, request.id, null);
  });
}
