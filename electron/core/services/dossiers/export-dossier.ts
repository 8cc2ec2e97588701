import type { ExportFile } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt, levelLabel } from '../../../../shared/levels';
import { formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { renderDossierRecord } from '../../pdf/dossier-record';
import { usableApproval } from '../approvals/use-approval';
import { exportedBy, watermarkText } from '../exports/watermark';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';

/**
 * Exports a dossier's record as PDF. A classified dossier (秘密 and above) needs an unused,
 * valid export approval for this user, which the export uses up, and its pages carry a watermark
 * naming who exported it, from which department, when. Marked levels are printed on every page.
 */
export async function exportDossier(ctx: HandlerContext, archiveNumber: string): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { levels, levelLabelling } = session.settings;
  const dossier = toDossierDetail(db, requireVisibleDossier(db, session, archiveNumber), session);
  const now = ctx.env.now();
  const approval = dossier.classified ? usableApproval(db, { dossierId: dossier.id, userId: session.record.id, kind: 'export', now }) : null;
  if (dossier.classified && approval === null) {
    ctx.write(() => undefined, { action: 'dossier:export-refused', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { reason: 'no-approval' } });
    throw new AppError('APPROVAL_REQUIRED', {
      zh: `导出${levelAt(levels, dossier.level).name}档案需要审批，请先申请导出审批`,
      en: `Exporting a ${levelAt(levels, dossier.level).name} dossier needs an approval; request one first`,
    });
  }
  const watermark = dossier.classified ? watermarkText(session, now) : null;
  const bytes = await renderDossierRecord({
    dossier,
    levelLabel: levelLabel(levels, dossier.level, levelLabelling),
    marking: levelAt(levels, dossier.level).marked ? levelAt(levels, dossier.level).name : null,
    watermark,
    exportedBy: exportedBy(session),
    exportedAt: formatLocalDateTime(now),
  });
  return ctx.write(
    (db2) => {
      approval?.use(db2);
      return { fileName: `档案信息-${dossier.archiveNumber}.pdf`, mimeType: 'application/pdf', bytes };
    },
    { action: 'dossier:export', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { format: 'pdf', approvalId: approval?.id ?? null, watermarked: watermark !== null } },
  );
}
