import { findDocument, type DocumentRow } from '../../../../db/repositories/documents';
import { findDossierById, visibleDossierIds, type DossierRecord } from '../../../../db/repositories/dossiers';
import { findScanPage, type ScanPageRecord } from '../../../../db/repositories/scans';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { readStoredFile, type ScanKeys } from '../../attachments/file-store';
import { SealBroken } from '../../attachments/sealed-file';
import { visibilityOf } from '../access/visibility';

/** A scanned page with the document and dossier it is filed in. */
export interface PlacedPage {
  page: ScanPageRecord;
  document: DocumentRow;
  dossier: DossierRecord;
}

const noPage = (id: number) => new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的扫描页`, en: `There is no scanned page no. ${id}` });

/** A live page of a dossier the reader may see; anything else is NOT_FOUND, as if it did not exist. */
export function requireLivePage(db: Db, session: ActiveSession, pageId: number): PlacedPage {
  const page = findScanPage(db, pageId);
  if (!page || page.removedAt !== null || !visibleDossierIds(db, [page.dossierId], visibilityOf(db, session)).has(page.dossierId)) throw noPage(pageId);
  const document = findDocument(db, page.documentId);
  const dossier = findDossierById(db, page.dossierId);
  if (!document || !dossier) throw noPage(pageId);
  // Its scans were erased with it (disposal): said so, never taken for damage.
  if (dossier.status === 'destroyed') throw new AppError('NOT_FOUND', { zh: `档案 ${dossier.archiveNumber} 已销毁，其扫描件已删除`, en: `Dossier ${dossier.archiveNumber} is destroyed; its scans were erased` });
  return { page, document, dossier };
}

/** The page's original fails its check or is missing: said with the dossier and document it belongs to. */
export function scanDamaged({ page, document, dossier }: PlacedPage, cause?: unknown): AppError {
  return new AppError(
    'SCAN_DAMAGED',
    { zh: `档案 ${dossier.archiveNumber}“${document.title}”的扫描件（${page.sourceName}）已损坏或缺失，不能打开；请运行校验并从备份恢复`, en: `The scan (${page.sourceName}) of “${document.title}” in dossier ${dossier.archiveNumber} is damaged or missing and cannot be opened; run verify and restore it from a backup` },
    { cause },
  );
}

/** The file a page comes from, decrypted in memory and verified: a damaged file is reported, never served. */
export function readPageOriginal(root: string, keys: Pick<ScanKeys, 'content'>, placed: PlacedPage): Buffer {
  try {
    return readStoredFile(root, keys, placed.page.file.address, placed.page.file.size);
  } catch (error) {
    if (error instanceof SealBroken) throw scanDamaged(placed, error);
    throw error;
  }
}

/**
 * Opening a page of a classified dossier (秘密 and above by default: shared/levels.ts, "every
 * view is audited") is recorded in the audit trail; an ordinary page is read without a write. The
 * dossier's level counts, as for viewing the dossier and exporting it: a dossier raised keeps its
 * documents' own levels.
 */
export function auditClassifiedView(ctx: HandlerContext, session: ActiveSession, { page, document, dossier }: PlacedPage): void {
  const level = levelAt(session.settings.levels, Math.max(dossier.level, document.level));
  if (!level.classified) return;
  ctx.write(
    () => undefined,
    { action: 'scan:view-classified', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { document: document.id, page: page.id, level: level.name } },
  );
}
