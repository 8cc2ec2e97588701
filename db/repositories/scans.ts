import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { documents, scanFiles, scanPages } from '../schema';
import { isErased } from './disposal';
import { inGroups } from './in-groups';

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

/**
 * The rows of stored files, in the order given: the existing one when the same content was filed
 * before or earlier in the batch (stored once), else a new one.
 */
export function recordScanFiles(db: Db, files: readonly NewScanFile[]): { id: number; existed: boolean }[] {
  const ids = new Map<string, number>();
  for (const addresses of inGroups([...new Set(files.map((f) => f.address))])) {
    for (const row of db.select({ id: scanFiles.id, address: scanFiles.address }).from(scanFiles).where(inArray(scanFiles.address, addresses)).all()) ids.set(row.address, row.id);
  }
  const fresh = new Map<string, NewScanFile>();
  for (const file of files) if (!ids.has(file.address) && !fresh.has(file.address)) fresh.set(file.address, file);
  for (const group of inGroups([...fresh.values()])) {
    for (const row of db.insert(scanFiles).values(group).returning({ id: scanFiles.id, address: scanFiles.address }).all()) ids.set(row.address, row.id);
  }
  const told = new Set<string>();
  return files.map((file) => {
    const existed = !fresh.has(file.address) || told.has(file.address);
    told.add(file.address);
    const id = ids.get(file.address);
    if (id === undefined) throw new Error(`no row for the stored file ${file.address}`);
    return { id, existed };
  });
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
  // Groups of ascending ids, so the pages come out in document order across the groups too.
  return inGroups([...new Set(documentIds)].sort((a, b) => a - b)).flatMap((group) =>
    db
      .select(pageColumns)
      .from(scanPages)
      .innerJoin(scanFiles, eq(scanFiles.id, scanPages.fileId))
      .where(and(inArray(scanPages.documentId, group), isNull(scanPages.removedAt)))
      .orderBy(asc(scanPages.documentId), asc(scanPages.position))
      .all(),
  );
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

/** Appends pages at the end of each document's scans, in the order given. */
export function appendScanPages(db: Db, pagesByDocument: ReadonlyMap<number, readonly { fileId: number; pageInFile: number; sourceName: string }[]>, by: number, at: string): void {
  if (pagesByDocument.size === 0) return;
  const lastPositions = db
    .select({ documentId: scanPages.documentId, n: max(scanPages.position) })
    .from(scanPages)
    .where(and(inArray(scanPages.documentId, [...pagesByDocument.keys()]), isNull(scanPages.removedAt)))
    .groupBy(scanPages.documentId)
    .all();
  const last = new Map(lastPositions.map((r) => [r.documentId, r.n ?? 0]));
  const rows = [...pagesByDocument].flatMap(([documentId, pages]) =>
    pages.map((page, index) => ({ documentId, fileId: page.fileId, pageInFile: page.pageInFile, position: (last.get(documentId) ?? 0) + index + 1, sourceName: page.sourceName, addedAt: at, addedBy: by })),
  );
  for (const group of inGroups(rows)) db.insert(scanPages).values(group).run();
}

/** Live pages per document (the scanned page counts); a dossier of any number of documents is asked in groups. */
export function scanPageCounts(db: Db, documentIds: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const group of inGroups(documentIds)) {
    const rows = db
      .select({ documentId: scanPages.documentId, n: sql<number>`count(*)` })
      .from(scanPages)
      .where(and(inArray(scanPages.documentId, group), isNull(scanPages.removedAt)))
      .groupBy(scanPages.documentId)
      .all();
    for (const row of rows) counts.set(row.documentId, row.n);
  }
  return counts;
}

/** Whether a document has ever had scans filed (removed ones included: they stay until disposal). */
export function documentHasScans(db: Db, documentId: number): boolean {
  return db.select({ id: scanPages.id }).from(scanPages).where(eq(scanPages.documentId, documentId)).limit(1).get() !== undefined;
}

/** Every stored file with where it is filed (for verify: a damaged file is named by dossier and document). */
export function allScanFiles(db: Db): { id: number; address: string; size: number; derivedFrom: number | null }[] {
  return db.select({ id: scanFiles.id, address: scanFiles.address, size: scanFiles.size, derivedFrom: scanFiles.derivedFrom }).from(scanFiles).where(sql`NOT ${isErased(scanFiles.id)}`).orderBy(asc(scanFiles.id)).all();
}

/** Where files are filed: the first document (and its dossier) of each, for naming a damaged file. */
export interface FilePlace {
  documentId: number;
  groupKey: string | null;
  position: number;
  dossierId: number;
}

export function placesOfFiles(db: Db, fileIds: readonly number[]): Map<number, FilePlace> {
  const places = new Map<number, FilePlace>();
  for (const group of inGroups(fileIds)) {
    const rows = db
      .select({ fileId: scanPages.fileId, documentId: documents.id, groupKey: documents.groupKey, position: documents.position, dossierId: documents.dossierId })
      .from(scanPages)
      .innerJoin(documents, eq(documents.id, scanPages.documentId))
      .where(inArray(scanPages.fileId, group))
      .orderBy(asc(scanPages.id))
      .all();
    for (const row of rows) if (!places.has(row.fileId)) places.set(row.fileId, row);
  }
  return places;
}

export function knownAddresses(db: Db): Set<string> {
  return new Set(db.select({ address: scanFiles.address }).from(scanFiles).where(sql`NOT ${isErased(scanFiles.id)}`).all().map((r) => r.address));
}

/** The originals in the store with their pages: what page images and thumbnails are made from (attachments/derived-files.ts). */
export function storedOriginals(db: Db): { address: string; pages: number }[] {
  return db.select({ address: scanFiles.address, pages: scanFiles.pages }).from(scanFiles).where(and(isNull(scanFiles.derivedFrom), sql`NOT ${isErased(scanFiles.id)}`)).all();
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
  for (const group of inGroups(ids)) db.update(scanPages).set({ removedAt: at, removedBy: by }).where(inArray(scanPages.id, group)).run();
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
