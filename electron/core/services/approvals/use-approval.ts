import { findUsableApproval, markRequestUsed } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import type { RequestKind } from '../../../../shared/approval-routing';
import { AppError } from '../../../../shared/errors';

/**
 * The approval a guarded action needs: an approved, unused request of this kind by this person for
 * this dossier, still valid. `use` spends it inside the action's own transaction.
 */
export function usableApproval(db: Db, request: { dossierId: number; userId: number; kind: RequestKind; now: Date }): { id: number; use(db: Db): void } | null {
  const id = findUsableApproval(db, request.dossierId, request.userId, request.kind, request.now.toISOString());
  return id === null ? null : { id, use: (db2) => spendApproval(db2, id, request.now) };
}

/** Spends an approval inside the action's transaction; refused when it was used or withdrawn meanwhile (another program). */
export function spendApproval(db: Db, id: number, now: Date): void {
  if (!markRequestUsed(db, id, now.toISOString())) {
    throw new AppError('CONFLICT', { zh: `审批 ${id} 刚被使用或撤回，请刷新后重试`, en: `Approval ${id} was just used or withdrawn; refresh and try again` });
  }
}
