import { expiredApprovalsUnnoticed } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import { formatLocalDate } from '../../../../shared/time';
import type { DueNotice } from './due-notice';

const EXPIRED = ':expired';

/**
 * Approvals that ran out unused: the requester is told once (for an outsider, the clerk who
 * registered the request) – the approval no longer holds a place in the queue, and a new request
 * is needed. The dossiers are named for the queues to settle.
 */
export function dueApprovalNotices(db: Db, now: Date): { notices: DueNotice[]; dossierIds: number[] } {
  const expired = expiredApprovalsUnnoticed(db, now.toISOString(), EXPIRED);
  return {
    notices: expired.map((request) => ({
      userId: request.requester?.id ?? request.registeredBy.id,
      kind: 'approval-expired',
      subject: `request:${request.id}`,
      key: `request:${request.id}${EXPIRED}`,
      detail: { requestId: request.id, archiveNumber: request.dossier.archiveNumber, title: request.dossier.title, expiredOn: formatLocalDate(new Date(request.validUntil ?? now.toISOString())) },
    })),
    dossierIds: [...new Set(expired.filter((request) => request.kind === 'loan' || request.kind === 'consultation').map((request) => request.dossier.id))],
  };
}
