import { findApproval, insertApproval, listApprovals, type ApprovalKind } from '../../../../db/repositories/approvals';
import type { ApprovalSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import type { Role } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import { findVisibleDossier } from '../../../../db/repositories/dossiers';
import { visibilityFor } from '../access/visibility';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { requireUser } from '../users/user-rules';

/** Classified material (秘密 and above) is approved by the customer-service manager or the general manager (LE-05, CF-02). */
const CLASSIFIED_APPROVERS: readonly Role[] = ['cs-manager', 'general-manager'];

/**
 * Records an approval to copy, excerpt or export one dossier. The approver must see the dossier;
 * for classified dossiers only the CS manager or general manager approves; the grantee must be an
 * active user who can see the dossier too.
 */
export function grantApproval(
  ctx: HandlerContext,
  input: { archiveNumber: string; kind: ApprovalKind; grantee: string; reason: string; validDays: number },
): ApprovalSummary {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, input.archiveNumber);
  const level = levelAt(session.settings.levels, dossier.level);
  if (level.classified && !session.record.roles.some((role) => CLASSIFIED_APPROVERS.includes(role))) {
    ctx.deny(
      { zh: `${level.name}档案须由客户服务部经理或总经理审批`, en: `${level.name} dossiers are approved by the customer-service manager or the general manager` },
      { target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { kind: input.kind } },
    );
  }
  const grantee = requireUser(db, input.grantee);
  if (grantee.status !== 'active') throw new AppError('VALIDATION', { zh: '被授权人账户已停用', en: 'The grantee’s account is disabled' });
  if (!findVisibleDossier(db, dossier.archiveNumber, visibilityFor(db, grantee, session.settings.threeRoleSeparation))) {
    throw new AppError('VALIDATION', { zh: `${grantee.displayName} 无权查看此档案`, en: `${grantee.displayName} may not see this dossier` });
  }
  const now = ctx.env.now();
  const validUntil = new Date(now.getTime() + input.validDays * 86_400_000);
  return ctx.write(
    (db2) => {
      const id = insertApproval(db2, {
        dossierId: dossier.id,
        kind: input.kind,
        granteeId: grantee.id,
        approverId: session.record.id,
        reason: input.reason,
        grantedAt: now.toISOString(),
        validUntil: validUntil.toISOString(),
      });
      const approval = findApproval(db2, id);
      if (!approval) throw new AppError('INTERNAL');
      return approval;
    },
    (approval) => ({
      action: 'approval:grant',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: { approvalId: approval.id, kind: approval.kind, grantee: approval.grantee.login, validUntil: approval.validUntil, reason: approval.reason },
    }),
  );
}

export function approvalsOf(ctx: HandlerContext, archiveNumber: string): ApprovalSummary[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  return listApprovals(db, requireVisibleDossier(db, session, archiveNumber).id);
}
