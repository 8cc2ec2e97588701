import type { LoanDesk } from '../../../../shared/contract';

export type DeskEntry = LoanDesk['queue'][number];

/**
 * What the desk offers for an entry of the queue: only the first approved one is served (first
 * come, first served) – handed out when the dossier is in, or, while it is out, a renewal (续借)
 * when it is the holder's own loan request (the core closes the entry and opens a new one).
 */
export function deskAction(desk: { openLoan: { borrower: { login: string } | null } | null; queue: readonly DeskEntry[] }, entry: DeskEntry): 'checkout' | 'renew' | null {
  if (entry.state !== 'approved' || desk.queue.find((q) => q.state === 'approved')?.requestId !== entry.requestId) return null;
  if (!desk.openLoan) return 'checkout';
  const holder = desk.openLoan.borrower?.login;
  return entry.kind === 'loan' && holder !== undefined && entry.requesterLogin === holder ? 'renew' : null;
}
