import { openLendingRequestsOf, type RequestRecord } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import { stateOf } from '../approvals/request-state';

/**
 * The loan and consultation requests on a dossier not yet handed out – approved or still being
 * decided – first come, first served.
 */
export function loanQueue(db: Db, dossierId: number, now: Date): RequestRecord[] {
  return loanQueues(db, [dossierId], now).get(dossierId) ?? [];
}

/** The queues of several dossiers in one look (the requests of a page of the approval register). */
export function loanQueues(db: Db, dossierIds: readonly number[], now: Date): Map<number, RequestRecord[]> {
  const queues = new Map<number, RequestRecord[]>();
  const waiting = openLendingRequestsOf(db, dossierIds)
    .filter((r) => ['pending', 'approved'].includes(stateOf(r, now)))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id - b.id);
  for (const request of waiting) queues.set(request.dossier.id, [...(queues.get(request.dossier.id) ?? []), request]);
  return queues;
}

export function requesterName(request: Pick<RequestRecord, 'requester' | 'outsider'>): string {
  if (request.requester) return request.requester.displayName;
  return request.outsider ? `${request.outsider.name}（${request.outsider.organisation}）` : '';
}
