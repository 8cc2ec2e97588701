import { asc, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../open';
import { documents } from '../schema';
import { isErased } from './disposal';
import type { DocumentRow } from './documents';

/** The dossiers of a check: those named (as JSON, so any number of them binds as one value), or all. */
function inScope(column: SQL, dossierIds: readonly number[] | null): SQL {
  return dossierIds === null ? sql`1` : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(dossierIds)}))`;
}

/** The scope's documents, by dossier, group and sequence number. */
export function documentsInScope(db: Db, dossierIds: readonly number[] | null): DocumentRow[] {
  return db.select().from(documents).where(inScope(sql`${documents.dossierId}`, dossierIds)).orderBy(asc(documents.dossierId), asc(documents.groupKey), asc(documents.position)).all();
}

export interface CheckPageRow {
  documentId: number;
  fileId: number;
  pageInFile: number;
  live: boolean;
}

/** Every scanned page of the scope's documents, removed ones too (their files stay until disposal). */
export function pagesInScope(db: Db, dossierIds: readonly number[] | null): CheckPageRow[] {
  return db
    .all<{ documentId: number; fileId: number; pageInFile: number; live: number }>(
      sql`SELECT p.document_id AS documentId, p.file_id AS fileId, p.page_in_file AS pageInFile, p.removed_at IS NULL AS live
        FROM scan_pages p JOIN documents d ON d.id = p.document_id WHERE ${inScope(sql`d.dossier_id`, dossierIds)} ORDER BY p.file_id, p.page_in_file`,
    )
    .map((row) => ({ ...row, live: row.live === 1 }));
}

export interface CheckFileRow {
  id: number;
  address: string;
  size: number;
  mediaType: string;
  pages: number;
}

/** The original files the scope's pages are of – for the whole archive every original – less those erased by a disposal. */
export function filesInScope(db: Db, dossierIds: readonly number[] | null): CheckFileRow[] {
  const referenced =
    dossierIds === null ? sql`f.derived_from IS NULL` : sql`f.id IN (SELECT p.file_id FROM scan_pages p JOIN documents d ON d.id = p.document_id WHERE ${inScope(sql`d.dossier_id`, dossierIds)})`;
  return db.all<CheckFileRow>(sql`SELECT f.id, f.address, f.size, f.media_type AS mediaType, f.pages FROM scan_files f WHERE ${referenced} AND NOT ${isErased(sql`f.id`)} ORDER BY f.id`);
}

export function dossierIdsInScope(db: Db, dossierIds: readonly number[] | null): readonly number[] {
  return dossierIds ?? db.all<{ id: number }>(sql`SELECT id FROM dossiers ORDER BY id`).map((row) => row.id);
}
