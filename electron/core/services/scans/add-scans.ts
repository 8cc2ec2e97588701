import { listDocuments, updateDocument } from '../../../../db/repositories/documents';
import { appendScanPages, recordScanFiles, scanPageCounts } from '../../../../db/repositories/scans';
import type { ScanFiling } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { formatByteLimit } from '../../../../shared/contract/staging';
import type { HandlerContext } from '../../context';
import { SealBatch, type BatchFile } from '../../attachments/seal-batch';
import type { StagedFile } from '../../staging/staging-area';
import { fileDocument, refreshAfterDocuments, requireVisibleDocument } from '../documents/documents';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { definitionOf } from '../dossiers/dossier-summary';
import type { ScanInspection } from '../../attachments/inspect';
import { toAppError } from '../../errors';

export interface AddScansInput {
  archiveNumber: string;
  stagedFileIds: string[];
  documentId?: number | undefined;
  checklistItem?: string | undefined;
  title?: string | undefined;
  /**
   * Internal (not in the contract): a new document for the checklist item even if it has one –
   * opened in the filing's own transaction, so a refused filing leaves no empty document behind.
   */
  newDocument?: boolean | undefined;
}

interface StoredFile {
  stagedFileId: string;
  name: string;
  size: number;
  inspection: ScanInspection;
  address: string;
}

/** A document's title from a file's own name: without its folder and extension. */
function titleOf(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim().slice(0, 200) || base;
}

/**
 * A staged file read, checked, sealed and written (not yet in place) on a seal thread: too large,
 * not a scan, damaged or an image bomb (inspectScan) is refused (VALIDATION) with its reason.
 */
async function checkFile(staged: StagedFile, maxBytes: number, batch: SealBatch): Promise<BatchFile> {
  if (staged.size > maxBytes) {
    batch.refuse();
    throw new AppError('VALIDATION', { zh: `“${staged.name}”超过 ${formatByteLimit(maxBytes)}，不能归档`, en: `“${staged.name}” is larger than ${formatByteLimit(maxBytes)} and cannot be filed` });
  }
  return batch.seal(staged);
}

/**
 * Every staged file read once, checked, sealed and written from the same bytes, on the seal
 * threads (nothing is in place before the batch ends well). A file too large, of a kind that is
 * not a scan, or damaged is refused with its reason, the rest still checked (and no longer
 * written) so that every reason is said – and then none of the batch is filed.
 */
async function checkAndStore(ctx: HandlerContext, ids: readonly string[], batch: SealBatch): Promise<StoredFile[]> {
  const session = ctx.session();
  const maxBytes = session.settings.scanMaxMegabytes * 1024 * 1024;
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', { zh: '同一文件被选择了两次', en: 'The same file was chosen twice' });
  const stored: StoredFile[] = [];
  const refusals: { name: string; error: AppError }[] = [];
  const files = ids.map((id) => session.stagedFiles.get(id, 'scan'));
  // All handed to the seal threads at once (a job holds no file's bytes until a thread takes it), taken in order.
  const checks = files.map((staged) => checkFile(staged, maxBytes, batch).then((checked) => ({ checked }), (error: unknown) => ({ error })));
  for (const [index, staged] of files.entries()) {
    const result = await (checks[index] as (typeof checks)[number]);
    if ('error' in result) {
      const refusal = toAppError(result.error);
      if (refusal.code !== 'VALIDATION') throw refusal;
      refusals.push({ name: staged.name, error: refusal });
      continue;
    }
    const { address, inspection } = result.checked;
    // No address: only checked, because a file of the batch was refused (its reason comes in its turn).
    if (refusals.length > 0 || address === null) continue;
    stored.push({ stagedFileId: ids[index] as string, name: staged.name, size: staged.size, inspection, address });
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
  return stored;
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
  const stored = await SealBatch.run(session.sealAhead, (batch) => checkAndStore(ctx, input.stagedFileIds, batch));
  const filing = ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const outcome: ScanFiling = { archiveNumber: dossier.archiveNumber, documents: [], files: [] };
      const touched = new Map<number, ScanFiling['documents'][number]>();
      const touch = (document: { id: number; title: string }, created: boolean): number => {
        if (!touched.has(document.id)) touched.set(document.id, { id: document.id, title: document.title, pagesAdded: 0, created });
        return document.id;
      };
      // The document a file goes to: the one named, the checklist item's or the one titled, found (or opened) once for the batch; else one per file.
      let chosen: number | undefined;
      // Page counts the documents opened by this filing were given when opened (one file's pages, when each file has its own).
      const openedWith = new Map<number, number>();
      const target = (file: StoredFile): number => {
        if (chosen !== undefined) return chosen;
        if (input.documentId !== undefined) {
          const { document } = requireVisibleDocument(db, session, input.documentId);
          if (document.dossierId !== dossier.id) throw new AppError('VALIDATION', { zh: '所选卷内文件不属于此档案', en: 'The document chosen is not in this dossier' });
          return (chosen = touch(document, false));
        }
        const existing = input.checklistItem === undefined || input.newDocument === true ? undefined : listDocuments(db, dossier.id).find((d) => d.checklistItem === input.checklistItem);
        if (existing) return (chosen = touch(existing, false));
        const forBatch = input.checklistItem !== undefined || input.title !== undefined;
        const pages = forBatch ? 0 : file.inspection.pages;
        const filed = touch(fileDocument(db, session, dossier, { checklistItem: input.checklistItem, title: input.checklistItem === undefined ? (input.title ?? titleOf(file.name)) : undefined, pages }, at), true);
        openedWith.set(filed, pages);
        if (forBatch) chosen = filed;
        return filed;
      };
      const records = recordScanFiles(
        db,
        stored.map((file) => ({ address: file.address, size: file.size, mediaType: file.inspection.mediaType, pages: file.inspection.pages, width: file.inspection.width ?? null, height: file.inspection.height ?? null, storedAt: at, storedBy: session.record.id })),
      );
      const pagesByDocument = new Map<number, { fileId: number; pageInFile: number; sourceName: string }[]>();
      stored.forEach((file, i) => {
        const record = records[i];
        if (!record) throw new Error('a stored file has no row');
        const { id: fileId, existed } = record;
        const documentId = target(file);
        const pages = pagesByDocument.get(documentId) ?? [];
        for (let pageInFile = 0; pageInFile < file.inspection.pages; pageInFile += 1) pages.push({ fileId, pageInFile, sourceName: file.name });
        pagesByDocument.set(documentId, pages);
        const entry = touched.get(documentId);
        if (entry) entry.pagesAdded += file.inspection.pages;
        outcome.files.push({ name: file.name, mediaType: file.inspection.mediaType, pages: file.inspection.pages, stored: existed ? 'duplicate' : 'new' });
      });
      appendScanPages(db, pagesByDocument, session.record.id, at);
      // The scanned pages are the document's page count from now on (the return check counts them).
      for (const [documentId, pages] of scanPageCounts(db, [...touched.keys()])) if (openedWith.get(documentId) !== pages) updateDocument(db, documentId, { pages }, at);
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
  for (const file of stored) session.stagedFiles.discard(file.stagedFileId);
  return filing;
}
