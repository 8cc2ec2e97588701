import type { RequestRecord } from '../../../../db/repositories/approvals';
import { openLoanOfDossier } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import type { QueuePlace } from '../../../../shared/contract';
import { loanQueue } from './loan-queue';

/**
 * Where each loan or consultation request still under way stands in its dossier's queue, so that a
 * requester sees the position and, while the dossier is out, when it is due back. One look per
 * dossier, whatever the number of requests on it.
 */
export function queuePlaces(db: Db, records: readonly RequestRecord[], now: Date): Map<number, QueuePlace> {
  const places = new Map<number, QueuePlace>();
  const seen = new Set<number>();
  for (const record of records) {
    if ((record.kind !== 'loan' && record.kind !== 'consultation') || seen.has(record.dossier.id)) continue;
    seen.add(record.dossier.id);
    const queue = loanQueue(db, record.dossier.id, now);
    if (queue.length === 0) continue;
    const dueBack = openLoanOfDossier(db, record.dossier.id)?.dueOn ?? null;
    queue.forEach((request, index) => places.set(request.id, { position: index + 1, of: queue.length, dueBack }));
  }
  return places;
}
