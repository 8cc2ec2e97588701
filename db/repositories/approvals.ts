import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';
import { approvals, dossiers, users } from '../schema';

export type ApprovalKind = 'export' | 'copy' | 'excerpt';

export interface ApprovalRecord {
  id: number;
  archiveNumber: string;
  kind: ApprovalKind;
  grantee: { login: string; displayName: string };
  approver: { login: string; displayName: string };
  reason: string;
  grantedAt: string;
  validUntil: string;
  usedAt: string | null;
}

export function insertApproval(
  db: Db,
  approval: { dossierId: number; kind: ApprovalKind; granteeId: number; approverId: number; reason: string; grantedAt: string; validUntil: string },
): number {
  return db.insert(approvals).values(approval).returning({ id: approvals.id }).get().id;
}

/** An unused approval of this kind for this person and dossier that is still valid at `now`. */
export function findUsableApproval(db: Db, dossierId: number, granteeId: number, kind: ApprovalKind, now: string): number | null {
  return (
    db
      .select({ id: approvals.id })
      .from(approvals)
      .where(and(eq(approvals.dossierId, dossierId), eq(approvals.granteeId, granteeId), eq(approvals.kind, kind), isNull(approvals.usedAt), gt(approvals.validUntil, now)))
      .orderBy(approvals.validUntil)
      .limit(1)
      .get()?.id ?? null
  );
}

export function markApprovalUsed(db: Db, id: number, at: string): void {
  db.update(approvals).set({ usedAt: at }).where(eq(approvals.id, id)).run();
}

const grantees = alias(users, 'grantees');
const approvers = alias(users, 'approvers');

export function listApprovals(db: Db, dossierId: number): ApprovalRecord[] {
  return selectApprovals(db).where(eq(approvals.dossierId, dossierId)).orderBy(desc(approvals.id)).all();
}

export function findApproval(db: Db, id: number): ApprovalRecord | null {
  return selectApprovals(db).where(eq(approvals.id, id)).get() ?? null;
}

function selectApprovals(db: Db) {
  return db
    .select({
      id: approvals.id,
      archiveNumber: dossiers.archiveNumber,
      kind: approvals.kind,
      grantee: { login: grantees.login, displayName: grantees.displayName },
      approver: { login: approvers.login, displayName: approvers.displayName },
      reason: approvals.reason,
      grantedAt: approvals.grantedAt,
      validUntil: approvals.validUntil,
      usedAt: approvals.usedAt,
    })
    .from(approvals)
    .innerJoin(dossiers, eq(dossiers.id, approvals.dossierId))
    .innerJoin(grantees, eq(grantees.id, approvals.granteeId))
    .innerJoin(approvers, eq(approvers.id, approvals.approverId))
    .$dynamic();
}
