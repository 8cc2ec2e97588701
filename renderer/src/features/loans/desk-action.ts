import type { LoanDesk } from '../../../../shared/contract';

export type DeskEntry = LoanDesk['queue'][number];

export type DeskAction = 'checkout' | 'renew' | 'pass-on';

/**
 * What the desk offers for an entry of the queue: only the first approved one is served (first
 * come, first served) – handed out when the dossier is in; while it is out, a renewal (续借) when
 * it is the holder's own loan request, else passing it on (转借) from the holder to this requester,
 * who acknowledges it (the core closes the holder's entry and opens the receiver's).
 */
export function deskAction(desk: { openLoan: { borrower: { login: string } | null } | null; queue: readonly DeskEntry[] }, entry: DeskEntry): DeskAction | null {
  if (entry.state !== 'approved' || desk.queue.find((q) => q.state === 'approved')?.requestId !== entry.requestId) return null;
  if (!desk.openLoan) return 'checkout';
  const holder = desk.openLoan.borrower?.login;
  if (holder !== undefined && entry.requesterLogin === holder) return entry.kind === 'loan' ? 'renew' : null;
  return 'pass-on';
}
