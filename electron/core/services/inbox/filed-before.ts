import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../../db/open';
import { documents, dossiers, scanFiles, scanPages } from '../../../../db/schema';
import type { ActiveSession } from '../../session';
import { toAppError } from '../../errors';
import { requireVisibleDossier } from '../dossiers/dossier-access';

export interface FiledPlace {
  archiveNumber: string;
  documentId: number;
  documentTitle: string;
}

/**
 * Where files of this content (content addresses) are filed, on a page not removed: the first
 * document of each, among the dossiers the user may see. The store is content-addressed, so a file
 * filed before – by a filing that could not take it out of the watched folder – is known by its bytes.
 */
export function filedPlaces(db: Db, session: ActiveSession, addresses: readonly string[]): Map<string, FiledPlace> {
  const places = new Map<string, FiledPlace>();
  if (addresses.length === 0) return places;
  const rows = db
    .select({ address: scanFiles.address, archiveNumber: dossiers.archiveNumber, documentId: documents.id, documentTitle: documents.title })
    .from(scanPages)
    .innerJoin(scanFiles, eq(scanFiles.id, scanPages.fileId))
    .innerJoin(documents, eq(documents.id, scanPages.documentId))
    .innerJoin(dossiers, eq(dossiers.id, documents.dossierId))
    .where(and(inArray(scanFiles.address, [...new Set(addresses)]), isNull(scanPages.removedAt)))
    .orderBy(asc(scanPages.id))
    .all();
  const visible = new Map<string, boolean>();
  const maySee = (archiveNumber: string) => {
    if (!visible.has(archiveNumber)) {
      try {
        requireVisibleDossier(db, session, archiveNumber);
        visible.set(archiveNumber, true);
      } catch (error) {
        if (toAppError(error).code === 'INTERNAL') throw error;
        visible.set(archiveNumber, false);
      }
    }
    return visible.get(archiveNumber) === true;
  };
  for (const row of rows) {
    if (!places.has(row.address) && maySee(row.archiveNumber)) places.set(row.address, { archiveNumber: row.archiveNumber, documentId: row.documentId, documentTitle: row.documentTitle });
  }
  return places;
}

/** The documents of a dossier that hold this content on a live page. */
export function documentsHolding(db: Db, dossierId: number, address: string): number[] {
  return db
    .selectDistinct({ id: documents.id })
    .from(scanPages)
    .innerJoin(scanFiles, eq(scanFiles.id, scanPages.fileId))
    .innerJoin(documents, eq(documents.id, scanPages.documentId))
    .where(and(eq(scanFiles.address, address), eq(documents.dossierId, dossierId), isNull(scanPages.removedAt)))
    .all()
    .map((row) => row.id);
}
