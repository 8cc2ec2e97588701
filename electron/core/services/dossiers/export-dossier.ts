import sharp from 'sharp';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import { listDocuments } from '../../../../db/repositories/documents';
import { livePagesOf } from '../../../../db/repositories/scans';
import type { Db } from '../../../../db/open';
import type { DossierDetail, ExportFile, ScanMediaType } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt, levelLabel } from '../../../../shared/levels';
import { formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { readStoredFile, scanKeys, wipeScanKeys } from '../../attachments/file-store';
import { heicPhotoAsJpeg } from '../../attachments/heic-print';
import { SealBroken } from '../../attachments/sealed-file';
import type { PrintPicture, PrintScans, ScanPagePrint } from '../../pdf/dossier-pdf';
import { pictureKey } from '../../pdf/print-protocol';
import { printOnThread, warmPrintThread } from '../../pdf/print-pool';
import { spendApproval, usableApproval, usableApprovalScopes } from '../approvals/use-approval';
import { exportedBy, watermarkText } from '../exports/watermark';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';

/** The scans one export may hold in memory while its file is made. */
export const MAX_EXPORT_SCAN_BYTES = 1024 ** 3;

export interface ExportDossierInput {
  archiveNumber: string;
  /** With the scanned pages (the default), or the cover and record alone. */
  scans: boolean;
  /** Only these documents; absent: all (or, for a classified dossier, those its export approval was asked for). */
  documentIds?: number[] | undefined;
}

interface Plan {
  dossier: DossierDetail;
  /** The documents exported; null: all of them. */
  scope: number[] | null;
  pages: ScanPagePrint[];
  files: Map<number, { address: string; size: number; documentTitle: string }>;
}

/** The scanned pages of the documents in scope, in the catalogue's order, and the files they come from. */
function planOf(db: Db, session: ActiveSession, record: DossierRecord, scope: number[] | null, scans: boolean): Plan {
  const full = toDossierDetail(db, record, session);
  // An export of some documents lists only those in its catalogue too: the others' titles are not part of what was approved.
  const dossier = scope === null ? full : { ...full, documents: full.documents.filter((d) => scope.includes(d.id)) };
  const chosen = listDocuments(db, record.id).filter((d) => scans && (scope === null || scope.includes(d.id)));
  const live = livePagesOf(
    db,
    chosen.map((d) => d.id),
  );
  const pages = chosen.flatMap((document) => {
    const own = live.filter((p) => p.documentId === document.id);
    return own.map((p): ScanPagePrint => ({ documentTitle: document.title, position: p.position, of: own.length, rotation: p.rotation, mediaType: p.file.mediaType as ScanMediaType, pageInFile: p.pageInFile, fileId: p.file.id }));
  });
  const files = new Map(live.map((p) => [p.file.id, { address: p.file.address, size: p.file.size, documentTitle: chosen.find((d) => d.id === p.documentId)?.title ?? '' }]));
  return { dossier, scope, pages, files };
}

/** What the pages, the level or the scope are now, to tell whether the dossier changed while its file was made. */
const fingerprint = (plan: Plan) => JSON.stringify([plan.dossier.level, plan.scope, plan.pages.map((p) => [p.fileId, p.pageInFile, p.rotation, p.documentTitle])]);

/** The documents an export may take: those asked for, else all – for a classified dossier, what an unused approval covers. */
function scopeOf(db: Db, session: ActiveSession, record: DossierRecord, input: ExportDossierInput, classified: boolean, now: Date): { scope: number[] | null; approvalId: number | null } {
  const known = new Set(listDocuments(db, record.id).map((d) => d.id));
  const unknown = input.documentIds?.find((id) => !known.has(id));
  if (unknown !== undefined) throw new AppError('VALIDATION', { zh: `卷内文件 ${unknown} 不属于档案 ${record.archiveNumber}`, en: `Document ${unknown} is not in dossier ${record.archiveNumber}` });
  if (!classified) return { scope: input.documentIds ?? null, approvalId: null };
  const request = { dossierId: record.id, userId: session.record.id, kind: 'export' as const, now };
  const approval = usableApproval(db, { ...request, documentIds: input.documentIds });
  if (approval) return { scope: input.documentIds ?? null, approvalId: approval.id };
  // Asked for the whole dossier, approved for some of its documents: those are exported.
  const [scoped] = input.documentIds === undefined ? usableApprovalScopes(db, request).filter((scope): scope is number[] => scope !== null) : [];
  const covering = scoped ? usableApproval(db, { ...request, documentIds: scoped }) : null;
  return covering && scoped ? { scope: scoped, approvalId: covering.id } : { scope: null, approvalId: null };
}

/**
 * Exports a dossier as one PDF: cover, record with its catalogue, and its scans. A classified
 * dossier (秘密 and above) needs an unused, valid export approval for this user covering what is
 * exported (an approval asked for some documents exports those only), which the export uses up;
 * its pages carry a watermark naming who exported it, from which department, when. The pages are
 * put together outside the core's queue (other calls are answered meanwhile); then – if the dossier
 * did not change meanwhile – the approval is used and the export recorded.
 */
export function exportDossier(ctx: HandlerContext, input: ExportDossierInput): ExportFile {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { levels, levelLabelling } = session.settings;
  const record = requireVisibleDossier(db, session, input.archiveNumber);
  const classified = levelAt(levels, record.level).classified;
  const now = ctx.env.now();
  const { scope, approvalId } = scopeOf(db, session, record, input, classified, now);
  if (classified && approvalId === null) {
    ctx.write(() => undefined, { action: 'dossier:export-refused', target: { type: 'dossier', id: record.id, label: record.archiveNumber }, summary: { reason: 'no-approval', documents: input.documentIds ?? null } });
    throw new AppError('APPROVAL_REQUIRED', {
      zh: `导出${levelAt(levels, record.level).name}档案需要审批${input.documentIds ? '（审批须包含所选卷内文件）' : ''}，请先申请导出审批`,
      en: `Exporting a ${levelAt(levels, record.level).name} dossier needs an approval${input.documentIds ? ' covering the documents chosen' : ''}; request one first`,
    });
  }
  const plan = planOf(db, session, record, scope, input.scans);
  const scanBytes = [...plan.files.values()].reduce((sum, file) => sum + file.size, 0);
  if (scanBytes > MAX_EXPORT_SCAN_BYTES) {
    // The scans are held in memory while the file is made (never written out in plain): a bound, and a way on.
    throw new AppError('VALIDATION', {
      zh: `档案 ${record.archiveNumber} 的扫描件共 ${(scanBytes / 1024 ** 3).toFixed(1)} GB，超过一次导出的上限 ${MAX_EXPORT_SCAN_BYTES / 1024 ** 3} GB：请选择部分卷内文件分批导出`,
      en: `The scans of dossier ${record.archiveNumber} come to ${(scanBytes / 1024 ** 3).toFixed(1)} GB, more than one export takes (${MAX_EXPORT_SCAN_BYTES / 1024 ** 3} GB): export some of its documents at a time`,
    });
  }
  const watermark = classified ? watermarkText(session, now) : null;
  const recordInput = {
    dossier: plan.dossier,
    levelLabel: levelLabel(levels, record.level, levelLabelling),
    marking: levelAt(levels, record.level).marked ? levelAt(levels, record.level).name : null,
    watermark,
    exportedBy: exportedBy(session),
    exportedAt: formatLocalDateTime(now),
  };
  const keys = scanKeys(session.archive.dataKey);
  return ctx.outsideQueue(
    async (ended) => {
      let scans: PrintScans;
      // Its code loads while the scans are gathered, not after.
      warmPrintThread();
      try {
        scans = await gatherScans(ctx.env.paths.scans, keys.content, plan, ended);
      } finally {
        wipeScanKeys(keys);
      }
      return printOnThread({ kind: 'dossier', record: recordInput, pages: plan.pages, scans }, buffersOf(scans));
    },
    (finish, bytes) => {
      const later = finish.session();
      const laterDb = later.archive.database.db;
      // The dossier may have changed while its file was made: raised, its pages turned or removed, hidden from this user.
      if (fingerprint(planOf(laterDb, later, requireVisibleDossier(laterDb, later, input.archiveNumber), scope, input.scans)) !== fingerprint(plan)) {
        throw new AppError('CONFLICT', { zh: '档案在生成文件期间已被修改，请重新导出', en: 'The dossier changed while its file was made; export it again' });
      }
      return finish.write(
        (db2) => {
          // The same approval the file was made under; refused if it was used or withdrawn meanwhile.
          if (approvalId !== null) spendApproval(db2, approvalId, finish.env.now());
          return { fileName: `档案-${record.archiveNumber}.pdf`, mimeType: 'application/pdf', bytes };
        },
        { action: 'dossier:export', target: { type: 'dossier', id: record.id, label: record.archiveNumber }, summary: { format: 'pdf', scannedPages: plan.pages.length, documents: scope, approvalId, watermarked: watermark !== null } },
      );
    },
  );
}

/**
 * The scans' bytes for the printer, decrypted in memory and checked; image pages drawn upright the
 * way the viewer draws them (sharp: the orientation tag applied, a TIFF's page taken; a HEIC photo
 * on a scan image thread). Each file is read once; between files the core answers other calls.
 */
async function gatherScans(root: string, content: Buffer, plan: Plan, ended: () => boolean): Promise<PrintScans> {
  const scans: PrintScans = { pdfs: new Map(), pictures: new Map() };
  let kept: { fileId: number; bytes: Uint8Array } | null = null;
  const original = (fileId: number): Uint8Array => {
    if (kept?.fileId === fileId) return kept.bytes;
    const file = plan.files.get(fileId);
    if (!file) throw new AppError('INTERNAL');
    try {
      // A copy with a buffer of its own: it is handed to the print thread (and pdf-lib reads a JPEG through its whole ArrayBuffer).
      kept = { fileId, bytes: new Uint8Array(readStoredFile(root, { content }, file.address, file.size)) };
      return kept.bytes;
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      throw new AppError('SCAN_DAMAGED', { zh: `档案 ${plan.dossier.archiveNumber}“${file.documentTitle}”的扫描件已损坏或缺失，不能导出；请运行校验并从备份恢复`, en: `A scan of “${file.documentTitle}” in dossier ${plan.dossier.archiveNumber} is damaged or missing and cannot be exported; run verify and restore it from a backup` }, { cause: error });
    }
  };
  for (const page of plan.pages) {
    if (ended()) throw new AppError('UNAUTHENTICATED');
    if (page.mediaType === 'application/pdf') {
      if (!scans.pdfs.has(page.fileId)) scans.pdfs.set(page.fileId, original(page.fileId));
    } else if (!scans.pictures.has(pictureKey(page))) {
      scans.pictures.set(pictureKey(page), await picture(page, original(page.fileId)));
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return scans;
}

async function picture(page: ScanPagePrint, bytes: Uint8Array): Promise<PrintPicture> {
  if (page.mediaType === 'image/png') return { png: bytes };
  if (page.mediaType === 'image/heic') return { jpeg: await heicPhotoAsJpeg(bytes) };
  if (page.mediaType === 'image/jpeg' && ((await sharp(bytes).metadata()).orientation ?? 1) === 1) return { jpeg: bytes };
  return { jpeg: new Uint8Array(await sharp(bytes, { page: page.pageInFile, autoOrient: true, failOn: 'error' }).jpeg({ quality: 88 }).toBuffer()) };
}

/** Every buffer the gathered scans hold, once each (a file's pages may share one), to hand to the print thread. */
function buffersOf(scans: PrintScans): ArrayBuffer[] {
  const all = [...scans.pdfs.values(), ...[...scans.pictures.values()].map((p) => ('jpeg' in p ? p.jpeg : p.png))];
  return [...new Set(all.map((bytes) => bytes.buffer as ArrayBuffer))];
}
