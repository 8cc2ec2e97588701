import { requestsOfDossier, type RequestRecord } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import { stateOf } from '../approvals/request-state';

/**
 * The loan and consultation requests on a dossier not yet handed out – approved or still being
 * decided – first come, first served.
 */
export function loanQueue(db: Db, dossierId: number, now: Date): RequestRecord[] {
  return requestsOfDossier(db, dossierId)
    .filter((r) => (r.kind === 'loan' || r.kind === 'consultation') && ['pending', 'approved'].includes(stateOf(r, now)))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id - b.id);
}

export function requesterName(request: Pick<RequestRecord, 'requester' | 'outsider'>): string {
  if (request.requester) return request.requester.displayName;
  return request.outsider ? `${request.outsider.name}（${request.outsider.organisation}）` : '';
}
