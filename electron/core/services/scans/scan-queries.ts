import { listDocuments } from '../../../../db/repositories/documents';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import { livePagesOf } from '../../../../db/repositories/scans';
import type { DossierScans, ExportFile, ScanMediaType } from '../../../../shared/contract';
import type { Db } from '../../../../db/open';
import type { HandlerContext } from '../../context';
import { scanKeys, wipeScanKeys } from '../../attachments/file-store';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { auditClassifiedView, readPageOriginal, requireLivePage } from './scan-page-access';

/** The dossier's documents with their scanned pages, in the catalogue's order. */
export function listScans(ctx: HandlerContext, archiveNumber: string): DossierScans {
  const session = ctx.session();
  const { db } = session.archive.database;
  return scansOf(db, requireVisibleDossier(db, session, archiveNumber));
}

export function scansOf(db: Db, dossier: DossierRecord): DossierScans {
  const documents = listDocuments(db, dossier.id);
  const pages = livePagesOf(
    db,
    documents.map((d) => d.id),
  );
  return {
    archiveNumber: dossier.archiveNumber,
    documents: documents.map((document) => ({
      documentId: document.id,
      title: document.title,
      checklistItem: document.checklistItem,
      level: document.level,
      pages: pages
        .filter((page) => page.documentId === document.id)
        .map((page) => ({ id: page.id, position: page.position, rotation: page.rotation, sourceName: page.sourceName, pageInFile: page.pageInFile, mediaType: page.file.mediaType as ScanMediaType, addedAt: page.addedAt })),
    })),
  };
}

/**
 * The file a page comes from, decrypted in memory and verified. A damaged or missing file is
 * reported with the dossier and document it belongs to and never served. Opening a page of a
 * classified document is recorded in the audit trail (the reading itself is the event).
 */
export function scanFile(ctx: HandlerContext, pageId: number): ExportFile & { pageInFile: number; rotation: number } {
  const session = ctx.session();
  const placed = requireLivePage(session.archive.database.db, session, pageId);
  const keys = scanKeys(session.archive.dataKey);
  let bytes: Buffer;
  try {
    bytes = readPageOriginal(ctx.env.paths.scans, keys, placed);
  } finally {
    wipeScanKeys(keys);
  }
  auditClassifiedView(ctx, session, placed);
  const { page } = placed;
  return { fileName: page.sourceName, mimeType: page.file.mediaType, bytes, pageInFile: page.pageInFile, rotation: page.rotation };
}
