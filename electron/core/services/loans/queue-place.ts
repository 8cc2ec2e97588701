import type { RequestRecord } from '../../../../db/repositories/approvals';
import { openLoansOfDossiers } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import type { QueuePlace } from '../../../../shared/contract';
import { loanQueues } from './loan-queue';

/**
 * Where each loan or consultation request still under way stands in its dossier's queue, so that a
 * requester sees the position and, while the dossier is out, when it is due back. Two looks in
 * all, whatever the number of requests and dossiers.
 */
export function queuePlaces(db: Db, records: readonly RequestRecord[], now: Date): Map<number, QueuePlace> {
  const dossierIds = [...new Set(records.filter((r) => r.kind === 'loan' || r.kind === 'consultation').map((r) => r.dossier.id))];
  const places = new Map<number, QueuePlace>();
  if (dossierIds.length === 0) return places;
  const dueBack = new Map(openLoansOfDossiers(db, dossierIds).map((loan) => [loan.dossier.id, loan.dueOn]));
  for (const [dossierId, queue] of loanQueues(db, dossierIds, now)) {
    queue.forEach((request, index) => places.set(request.id, { position: index + 1, of: queue.length, dueBack: dueBack.get(dossierId) ?? null }));
  }
  return places;
}
