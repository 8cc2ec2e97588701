import { listDocuments, updateDocument } from '../../../../db/repositories/documents';
import { appendScanPages, recordScanFile, scanPageCounts } from '../../../../db/repositories/scans';
import type { ScanFiling } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { formatByteLimit } from '../../../../shared/contract/staging';
import type { HandlerContext } from '../../context';
import { ScanFileWriter, scanKeys, wipeScanKeys } from '../../attachments/file-store';
import { readStagedFile } from '../../staging/staged-file-reader';
import { fileDocument, refreshAfterDocuments, requireVisibleDocument } from '../documents/documents';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { definitionOf } from '../dossiers/dossier-summary';
import { inspectScan, type ScanInspection } from '../../attachments/inspect';
import { toAppError } from '../../errors';

export interface AddScansInput {
  archiveNumber: string;
  stagedFileIds: string[];
  documentId?: number | undefined;
  checklistItem?: string | undefined;
}

interface CheckedFile {
  stagedFileId: string;
  name: string;
  size: number;
  inspection: ScanInspection;
}

/** A document's title from a file's own name: without its folder and extension. */
function titleOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim().slice(0, 200) || base;
}

/** The most pixels an image may have: A3 at 600 dpi is about 70 million. A few hundred kilobytes can claim billions (an image bomb). */
const MAX_PIXELS = 80_000_000;

async function readWhole(file: Parameters<typeof readStagedFile>[0]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(file)) parts.push(part);
  return Buffer.concat(parts);
}

/**
 * Every staged file read and checked before anything is stored: a file too large, of a kind that
 * is not a scan, or damaged is refused with its reason – and then none of the batch is filed.
 * One file is in memory at a time (a batch may be hundreds of pages).
 */
async function checkFiles(ctx: HandlerContext, ids: readonly string[]): Promise<CheckedFile[]> {
  const session = ctx.session();
  const maxBytes = session.settings.scanMaxMegabytes * 1024 * 1024;
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', { zh: '同一文件被选择了两次', en: 'The same file was chosen twice' });
  const checked: CheckedFile[] = [];
  const refusals: { name: string; error: AppError }[] = [];
  for (const id of ids) {
    const staged = session.stagedFiles.get(id, 'scan');
    try {
      if (staged.size > maxBytes) {
        throw new AppError('VALIDATION', { zh: `“${staged.name}”超过 ${formatByteLimit(maxBytes)}，不能归档`, en: `“${staged.name}” is larger than ${formatByteLimit(maxBytes)} and cannot be filed` });
      }
      const inspection = await inspectScan(await readWhole(staged.source), staged.name);
      if ((inspection.width ?? 0) * (inspection.height ?? 0) > MAX_PIXELS) {
        throw new AppError('VALIDATION', {
          zh: `“${staged.name}”的图像过大（${inspection.width ?? 0}×${inspection.height ?? 0} 像素，上限 8000 万像素，约 A3 幅面 600 dpi），请降低扫描分辨率`,
          en: `“${staged.name}” is too large an image (${inspection.width ?? 0} × ${inspection.height ?? 0} pixels; at most 80 million, about A3 at 600 dpi); scan at a lower resolution`,
        });
      }
      checked.push({ stagedFileId: id, name: staged.name, size: staged.size, inspection });
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code !== 'VALIDATION') throw refusal;
      refusals.push({ name: staged.name, error: refusal });
    }
  }
  const [only] = refusals;
  if (only && ids.length === 1) throw only.error;
  if (refusals.length > 0) {
    throw new AppError(
      'VALIDATION',
      { zh: `${refusals.length} 个文件不能归档，本批文件均未归档：${refusals.map((r) => r.error.messageZh).join('；')}`, en: `${refusals.length} file(s) cannot be filed, so none of the batch was: ${refusals.map((r) => r.error.messageEn).join('; ')}` },
      { issues: refusals.map((r) => ({ path: r.name, message: r.error.messageZh, messageEn: r.error.messageEn })) },
    );
  }
  return checked;
}

/**
 * Files scans onto a dossier (scan:add). The files are checked, then stored encrypted and
 * durable, and only then recorded – pages, documents, page counts and the audit event in one
 * transaction. A crash in between leaves at most stored files nobody refers to (collected later).
 */
export async function addScans(ctx: HandlerContext, input: AddScansInput): Promise<ScanFiling> {
  const session = ctx.session();
  const at = ctx.env.now().toISOString();
  // The target is checked before the work of storing, and again in the transaction.
  const { db: reader } = session.archive.database;
  const dossierBefore = requireVisibleDossier(reader, session, input.archiveNumber);
  if (input.documentId !== undefined && requireVisibleDocument(reader, session, input.documentId).dossier.id !== dossierBefore.id) {
    throw new AppError('VALIDATION', { zh: '所选卷内文件不属于此档案', en: 'The document chosen is not in this dossier' });
  }
  if (input.checklistItem !== undefined && !definitionOf(reader, dossierBefore)?.checklist.some((c) => c.key === input.checklistItem)) {
    throw new AppError('VALIDATION', { zh: `此档案的清单中没有“${input.checklistItem}”`, en: `The dossier’s checklist has no item "${input.checklistItem}"` });
  }
  const files = await checkFiles(ctx, input.stagedFileIds);
  const keys = scanKeys(session.archive.dataKey);
  const stored: (CheckedFile & { address: string })[] = [];
  try {
    const writer = new ScanFileWriter(ctx.env.paths.scans, keys);
    for (const file of files) stored.push({ ...file, address: writer.put(await readWhole(session.stagedFiles.get(file.stagedFileId, 'scan').source)) });
    writer.finish();
  } finally {
    wipeScanKeys(keys);
  }
  const filing = ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const outcome: ScanFiling = { archiveNumber: dossier.archiveNumber, documents: [], files: [] };
      const touched = new Map<number, ScanFiling['documents'][number]>();
      const target = (file: CheckedFile): number => {
        if (input.documentId !== undefined) {
          const { document } = requireVisibleDocument(db, session, input.documentId);
          if (document.dossierId !== dossier.id) throw new AppError('VALIDATION', { zh: '所选卷内文件不属于此档案', en: 'The document chosen is not in this dossier' });
          if (!touched.has(document.id)) touched.set(document.id, { id: document.id, title: document.title, pagesAdded: 0, created: false });
          return document.id;
        }
        if (input.checklistItem !== undefined) {
          const existing = listDocuments(db, dossier.id).find((d) => d.checklistItem === input.checklistItem);
          if (existing) {
            if (!touched.has(existing.id)) touched.set(existing.id, { id: existing.id, title: existing.title, pagesAdded: 0, created: false });
            return existing.id;
          }
        }
        const filed = fileDocument(db, session, dossier, { checklistItem: input.checklistItem, title: input.checklistItem === undefined ? titleOf(file.name) : undefined, pages: 0 }, at);
        touched.set(filed.id, { id: filed.id, title: filed.title, pagesAdded: 0, created: true });
        return filed.id;
      };
      for (const file of stored) {
        const { id: fileId, existed } = recordScanFile(db, {
          address: file.address,
          size: file.size,
          mediaType: file.inspection.mediaType,
          pages: file.inspection.pages,
          width: file.inspection.width ?? null,
          height: file.inspection.height ?? null,
          storedAt: at,
          storedBy: session.record.id,
        });
        const documentId = target(file);
        appendScanPages(db, documentId, Array.from({ length: file.inspection.pages }, (_, pageInFile) => ({ fileId, pageInFile, sourceName: file.name })), session.record.id, at);
        const entry = touched.get(documentId);
        if (entry) entry.pagesAdded += file.inspection.pages;
        outcome.files.push({ name: file.name, mediaType: file.inspection.mediaType, pages: file.inspection.pages, stored: existed ? 'duplicate' : 'new' });
      }
      // The scanned pages are the document's page count from now on (the return check counts them).
      for (const [documentId, pages] of scanPageCounts(db, [...touched.keys()])) updateDocument(db, documentId, { pages }, at);
      refreshAfterDocuments(db, dossier);
      outcome.documents = [...touched.values()];
      return { outcome, dossierId: dossier.id };
    },
    ({ outcome, dossierId }) => ({
      action: 'scan:add',
      target: { type: 'dossier', id: dossierId, label: outcome.archiveNumber },
      summary: {
        documents: outcome.documents.map((d) => d.id),
        files: outcome.files.length,
        pages: outcome.files.reduce((n, f) => n + f.pages, 0),
        duplicates: outcome.files.filter((f) => f.stored === 'duplicate').length,
      },
    }),
  ).outcome;
  for (const file of files) session.stagedFiles.discard(file.stagedFileId);
  return filing;
}
