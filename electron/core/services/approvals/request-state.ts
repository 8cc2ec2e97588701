import type { RequestRecord } from '../../../../db/repositories/approvals';
import type { RequestState } from '../../../../shared/contract';

/** What a request amounts to now: an approval not used in time has expired. */
export function stateOf(request: Pick<RequestRecord, 'status' | 'usedAt' | 'validUntil'>, now: Date): RequestState {
  if (request.status !== 'approved') return request.status;
  if (request.usedAt !== null) return 'used';
  return request.validUntil !== null && request.validUntil <= now.toISOString() ? 'expired' : 'approved';
}
