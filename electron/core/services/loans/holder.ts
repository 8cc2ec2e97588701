import type { LoanRecord } from '../../../../db/repositories/loans';
import type { DossierDetail } from '../../../../shared/contract';

/** "Where is it now" for a dossier that is out: the open loan's holder, since when, due when. */
export function holderOf(loan: LoanRecord | null): DossierDetail['holder'] {
  if (!loan) return null;
  const outsider = loan.outsider ? (JSON.parse(loan.outsider) as { name: string; organisation: string }) : null;
  const name = loan.borrower ? `${loan.borrower.displayName}${loan.borrower.department ? `（${loan.borrower.department.name}）` : ''}` : outsider ? `${outsider.name}（${outsider.organisation}）` : '';
  return { loanId: loan.id, kind: loan.kind, name, since: loan.handedOutAt, dueOn: loan.dueOn };
}
