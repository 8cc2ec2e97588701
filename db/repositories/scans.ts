import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { documents, scanFiles, scanPages } from '../schema';

export type ScanFileRow = typeof scanFiles.$inferSelect;

export interface NewScanFile {
  address: string;
  size: number;
  mediaType: string;
  pages: number;
  width: number | null;
  height: number | null;
  storedAt: string;
  storedBy: number;
}

/** The row of a stored file: the existing one when the same content was filed before (stored once). */
export function recordScanFile(db: Db, file: NewScanFile): { id: number; existed: boolean } {
  const existing = db.select({ id: scanFiles.id }).from(scanFiles).where(eq(scanFiles.address, file.address)).get();
  if (existing) return { id: existing.id, existed: true };
  return { id: db.insert(scanFiles).values(file).returning({ id: scanFiles.id }).get().id, existed: false };
}

export function findScanFile(db: Db, id: number): ScanFileRow | null {
  return db.select().from(scanFiles).where(eq(scanFiles.id, id)).get() ?? null;
}

export interface ScanPageRecord {
  id: number;
  documentId: number;
  position: number;
  rotation: number;
  pageInFile: number;
  sourceName: string;
  addedAt: string;
  file: { id: number; address: string; size: number; mediaType: string; pages: number };
}

const pageColumns = {
  id: scanPages.id,
  documentId: scanPages.documentId,
  position: scanPages.position,
  rotation: scanPages.rotation,
  pageInFile: scanPages.pageInFile,
  sourceName: scanPages.sourceName,
  addedAt: scanPages.addedAt,
  file: { id: scanFiles.id, address: scanFiles.address, size: scanFiles.size, mediaType: scanFiles.mediaType, pages: scanFiles.pages },
};

/** The pages still filed on these documents, in order. */
export function livePagesOf(db: Db, documentIds: readonly number[]): ScanPageRecord[] {
  if (documentIds.length === 0) return [];
  return db
    .select(pageColumns)
    .from(scanPages)
    .innerJoin(scanFiles, eq(scanFiles.id, scanPages.fileId))
    .where(and(inArray(scanPages.documentId, [...documentIds]), isNull(scanPages.removedAt)))
    .orderBy(asc(scanPages.documentId), asc(scanPages.position))
    .all();
}

export function findScanPage(db: Db, id: number): (ScanPageRecord & { removedAt: string | null; dossierId: number }) | null {
  return (
    db
      .select({ ...pageColumns, removedAt: scanPages.removedAt, dossierId: documents.dossierId })
      .from(scanPages)
      .innerJoin(scanFiles, eq(scanFiles.id, scanPages.fileId))
      .innerJoin(documents, eq(documents.id, scanPages.documentId))
      .where(eq(scanPages.id, id))
      .get() ?? null
  );
}

/** Appends pages at the end of a document's scans. */
export function appendScanPages(db: Db, documentId: number, pages: readonly { fileId: number; pageInFile: number; sourceName: string }[], by: number, at: string): void {
  const last = db.select({ n: max(scanPages.position) }).from(scanPages).where(and(eq(scanPages.documentId, documentId), isNull(scanPages.removedAt))).get()?.n ?? 0;
  pages.forEach((page, index) => {
    db.insert(scanPages)
      .values({ documentId, fileId: page.fileId, pageInFile: page.pageInFile, position: last + index + 1, sourceName: page.sourceName, addedAt: at, addedBy: by })
      .run();
  });
}

/** Live pages per document (the scanned page counts). */
export function scanPageCounts(db: Db, documentIds: readonly number[]): Map<number, number> {
  if (documentIds.length === 0) return new Map();
  const rows = db
    .select({ documentId: scanPages.documentId, n: sql<number>`count(*)` })
    .from(scanPages)
    .where(and(inArray(scanPages.documentId, [...documentIds]), isNull(scanPages.removedAt)))
    .groupBy(scanPages.documentId)
    .all();
  return new Map(rows.map((r) => [r.documentId, r.n]));
}

/** Whether a document has ever had scans filed (removed ones included: they stay until disposal). */
export function documentHasScans(db: Db, documentId: number): boolean {
  return db.select({ id: scanPages.id }).from(scanPages).where(eq(scanPages.documentId, documentId)).limit(1).get() !== undefined;
}

/** Every stored file with where it is filed (for verify: a damaged file is named by dossier and document). */
export function allScanFiles(db: Db): { id: number; address: string; size: number; derivedFrom: number | null }[] {
  return db.select({ id: scanFiles.id, address: scanFiles.address, size: scanFiles.size, derivedFrom: scanFiles.derivedFrom }).from(scanFiles).orderBy(asc(scanFiles.id)).all();
}

/** Where files are filed: the first document (and its dossier) of each, for naming a damaged file. */
export function placesOfFiles(db: Db, fileIds: readonly number[]): Map<number, { documentId: number; documentTitle: string; dossierId: number }> {
  if (fileIds.length === 0) return new Map();
  const rows = db
    .select({ fileId: scanPages.fileId, documentId: documents.id, documentTitle: documents.title, dossierId: documents.dossierId })
    .from(scanPages)
    .innerJoin(documents, eq(documents.id, scanPages.documentId))
    .where(inArray(scanPages.fileId, [...fileIds]))
    .orderBy(asc(scanPages.id))
    .all();
  const places = new Map<number, { documentId: number; documentTitle: string; dossierId: number }>();
  for (const row of rows) if (!places.has(row.fileId)) places.set(row.fileId, row);
  return places;
}

export function knownAddresses(db: Db): Set<string> {
  return new Set(db.select({ address: scanFiles.address }).from(scanFiles).all().map((r) => r.address));
}

/** The originals in the store with their pages: what page images and thumbnails are made from (attachments/derived-files.ts). */
export function storedOriginals(db: Db): { address: string; pages: number }[] {
  return db.select({ address: scanFiles.address, pages: scanFiles.pages }).from(scanFiles).where(isNull(scanFiles.derivedFrom)).all();
}

export function setPageRotation(db: Db, id: number, rotation: number): void {
  db.update(scanPages).set({ rotation }).where(eq(scanPages.id, id)).run();
}

/** Renumbers a document's live pages in the given order: 1, 2, 3 … */
export function setPagePositions(db: Db, orderedIds: readonly number[]): void {
  orderedIds.forEach((id, index) => db.update(scanPages).set({ position: index + 1 }).where(eq(scanPages.id, id)).run());
}

/** Moves pages to the end of another document, in the order given. */
export function movePagesTo(db: Db, ids: readonly number[], documentId: number): void {
  const last = db.select({ n: max(scanPages.position) }).from(scanPages).where(and(eq(scanPages.documentId, documentId), isNull(scanPages.removedAt))).get()?.n ?? 0;
  ids.forEach((id, index) => db.update(scanPages).set({ documentId, position: last + index + 1 }).where(eq(scanPages.id, id)).run());
}

export function markPagesRemoved(db: Db, ids: readonly number[], by: number, at: string): void {
  db.update(scanPages)
    .set({ removedAt: at, removedBy: by })
    .where(inArray(scanPages.id, [...ids]))
    .run();
}

/** The live pages of one document, in order (their ids). */
export function livePageIds(db: Db, documentId: number): number[] {
  return db
    .select({ id: scanPages.id })
    .from(scanPages)
    .where(and(eq(scanPages.documentId, documentId), isNull(scanPages.removedAt)))
    .orderBy(asc(scanPages.position))
    .all()
    .map((r) => r.id);
}
