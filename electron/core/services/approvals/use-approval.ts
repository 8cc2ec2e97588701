import { findUsableApprovals, markRequestUsed } from '../../../../db/repositories/approvals';
import type { Db } from '../../../../db/open';
import type { RequestKind } from '../../../../shared/approval-routing';
import { AppError } from '../../../../shared/errors';

export interface UsableApproval {
  id: number;
  /** The documents it was asked for; null: the whole dossier. */
  documents: number[] | null;
  use(db: Db): void;
}

/**
 * The approval a guarded action needs: an approved, unused request of this kind by this person for
 * this dossier, still valid, whose documents cover `documentIds` (absent: the whole dossier, which
 * only an approval for the whole dossier covers). `use` spends it inside the action's own transaction.
 */
export function usableApproval(db: Db, request: { dossierId: number; userId: number; kind: RequestKind; now: Date; documentIds?: readonly number[] | undefined }): UsableApproval | null {
  const wanted = request.documentIds;
  const found = findUsableApprovals(db, request.dossierId, request.userId, request.kind, request.now.toISOString()).find(
    (approval) => approval.documents === null || (wanted !== undefined && wanted.every((id) => approval.documents?.includes(id))),
  );
  return found ? { ...found, use: (db2) => spendApproval(db2, found.id, request.now) } : null;
}

/** The scopes of the usable approvals there are (the whole dossier, or listed documents), to offer what may be done. */
export function usableApprovalScopes(db: Db, request: { dossierId: number; userId: number; kind: RequestKind; now: Date }): (number[] | null)[] {
  return findUsableApprovals(db, request.dossierId, request.userId, request.kind, request.now.toISOString()).map((approval) => approval.documents);
}

/** Spends an approval inside the action's transaction; refused when it was used or withdrawn meanwhile (another program). */
export function spendApproval(db: Db, id: number, now: Date): void {
  if (!markRequestUsed(db, id, now.toISOString())) {
    throw new AppError('CONFLICT', { zh: `审批 ${id} 刚被使用或撤回，请刷新后重试`, en: `Approval ${id} was just used or withdrawn; refresh and try again` });
  }
}
