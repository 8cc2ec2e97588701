import sharp from 'sharp';
import { listDocuments } from '../../../../db/repositories/documents';
import { livePagesOf } from '../../../../db/repositories/scans';
import type { ExportFile, ScanMediaType } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt, levelLabel } from '../../../../shared/levels';
import { formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { readStoredFile, scanKeys, wipeScanKeys } from '../../attachments/file-store';
import { SealBroken } from '../../attachments/sealed-file';
import { renderDossierPdf, type ScanPagePrint } from '../../pdf/dossier-pdf';
import { usableApproval } from '../approvals/use-approval';
import { exportedBy, watermarkText } from '../exports/watermark';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';

export interface ExportDossierInput {
  archiveNumber: string;
  /** With the scanned pages (the default), or the cover and record alone. */
  scans: boolean;
  /** Only these documents' scans; absent: all. */
  documentIds?: number[] | undefined;
}

/**
 * Exports a dossier as one PDF: cover, record with its catalogue, and its scans. A classified
 * dossier (秘密 and above) needs an unused, valid export approval for this user, which the export
 * uses up, and its pages carry a watermark naming who exported it, from which department, when.
 * The pages are put together outside the core's queue (other calls are answered meanwhile); the
 * approval is used and the export recorded once the file is made.
 */
export function exportDossier(ctx: HandlerContext, input: ExportDossierInput): ExportFile {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { levels, levelLabelling } = session.settings;
  const dossier = toDossierDetail(db, requireVisibleDossier(db, session, input.archiveNumber), session);
  const now = ctx.env.now();
  const approvalNeeded = dossier.classified;
  if (approvalNeeded && usableApproval(db, { dossierId: dossier.id, userId: session.record.id, kind: 'export', now }) === null) {
    ctx.write(() => undefined, { action: 'dossier:export-refused', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { reason: 'no-approval' } });
    throw new AppError('APPROVAL_REQUIRED', {
      zh: `导出${levelAt(levels, dossier.level).name}档案需要审批，请先申请导出审批`,
      en: `Exporting a ${levelAt(levels, dossier.level).name} dossier needs an approval; request one first`,
    });
  }
  const documents = listDocuments(db, dossier.id);
  const known = new Set(documents.map((d) => d.id));
  const unknown = input.documentIds?.find((id) => !known.has(id));
  if (unknown !== undefined) throw new AppError('VALIDATION', { zh: `卷内文件 ${unknown} 不属于档案 ${dossier.archiveNumber}`, en: `Document ${unknown} is not in dossier ${dossier.archiveNumber}` });
  const chosen = documents.filter((d) => input.scans && (input.documentIds === undefined || input.documentIds.includes(d.id)));
  const live = livePagesOf(
    db,
    chosen.map((d) => d.id),
  );
  const pages: ScanPagePrint[] = chosen.flatMap((document) => {
    const own = live.filter((p) => p.documentId === document.id);
    return own.map((p) => ({ documentTitle: document.title, position: p.position, of: own.length, rotation: p.rotation, mediaType: p.file.mediaType as ScanMediaType, pageInFile: p.pageInFile, fileId: p.file.id }));
  });
  const files = new Map(live.map((p) => [p.file.id, { address: p.file.address, size: p.file.size, documentTitle: chosen.find((d) => d.id === p.documentId)?.title ?? '' }]));
  const watermark = dossier.classified ? watermarkText(session, now) : null;
  const record = {
    dossier,
    levelLabel: levelLabel(levels, dossier.level, levelLabelling),
    marking: levelAt(levels, dossier.level).marked ? levelAt(levels, dossier.level).name : null,
    watermark,
    exportedBy: exportedBy(session),
    exportedAt: formatLocalDateTime(now),
  };
  const keys = scanKeys(session.archive.dataKey);
  const root = ctx.env.paths.scans;
  const original = (fileId: number): Promise<Uint8Array> => {
    const file = files.get(fileId);
    if (!file) throw new AppError('INTERNAL');
    try {
      // A copy with a buffer of its own: pdf-lib reads a JPEG through its whole ArrayBuffer, ignoring a view's offset.
      return Promise.resolve(new Uint8Array(readStoredFile(root, keys, file.address, file.size)));
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      throw new AppError('SCAN_DAMAGED', { zh: `档案 ${dossier.archiveNumber}“${file.documentTitle}”的扫描件已损坏或缺失，不能导出；请运行校验并从备份恢复`, en: `A scan of “${file.documentTitle}” in dossier ${dossier.archiveNumber} is damaged or missing and cannot be exported; run verify and restore it from a backup` }, { cause: error });
    }
  };
  return ctx.outsideQueue(
    async () => {
      try {
        return await renderDossierPdf(record, pages, {
          original,
          tiffPage: async (fileId, page) => new Uint8Array(await sharp(await original(fileId), { page }).jpeg({ quality: 85 }).toBuffer()),
        });
      } finally {
        wipeScanKeys(keys);
      }
    },
    (finish, bytes) => {
      const session2 = finish.session();
      // The approval is checked again: it may have been used or withdrawn while the file was made.
      const approval = approvalNeeded ? usableApproval(session2.archive.database.db, { dossierId: dossier.id, userId: session2.record.id, kind: 'export', now: finish.env.now() }) : null;
      if (approvalNeeded && approval === null) throw new AppError('CONFLICT', { zh: '导出审批在生成文件期间已被使用或撤回，请重新申请', en: 'The export approval was used or withdrawn while the file was made; request a new one' });
      return finish.write(
        (db2) => {
          approval?.use(db2);
          return { fileName: `档案-${dossier.archiveNumber}.pdf`, mimeType: 'application/pdf', bytes };
        },
        { action: 'dossier:export', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { format: 'pdf', scannedPages: pages.length, documents: input.documentIds ?? null, approvalId: approval?.id ?? null, watermarked: watermark !== null } },
      );
    },
  );
}
