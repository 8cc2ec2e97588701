import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { documents } from '../schema';

export type DocumentRow = typeof documents.$inferSelect;

export interface NewDocument {
  dossierId: number;
  checklistItem: string | null;
  title: string;
  docDate: string | null;
  form: 'original' | 'copy';
  pages: number;
  groupKey: string | null;
  level: number;
  remarks: string | null;
  at: string;
  createdBy: number;
}

/** Appends a document at the end of its group. */
export function insertDocument(db: Db, document: NewDocument): number {
  const last = db
    .select({ n: max(documents.position) })
    .from(documents)
    .where(and(eq(documents.dossierId, document.dossierId), document.groupKey === null ? isNull(documents.groupKey) : eq(documents.groupKey, document.groupKey)))
    .get()?.n;
  const { at, ...values } = document;
  return db
    .insert(documents)
    .values({ ...values, position: (last ?? 0) + 1, createdAt: at, updatedAt: at })
    .returning({ id: documents.id })
    .get().id;
}

export function listDocuments(db: Db, dossierId: number): DocumentRow[] {
  return db.select().from(documents).where(eq(documents.dossierId, dossierId)).orderBy(asc(documents.groupKey), asc(documents.position)).all();
}

export function findDocument(db: Db, id: number): DocumentRow | null {
  return db.select().from(documents).where(eq(documents.id, id)).get() ?? null;
}

export function updateDocument(db: Db, id: number, changes: Partial<Pick<DocumentRow, 'title' | 'docDate' | 'form' | 'pages' | 'level' | 'remarks' | 'checklistItem' | 'groupKey'>>, at: string): void {
  db.update(documents)
    .set({ ...changes, updatedAt: at })
    .where(eq(documents.id, id))
    .run();
}

/** Renumbers a group in the given order: 1, 2, 3 … */
export function setPositions(db: Db, orderedIds: readonly number[], at: string): void {
  orderedIds.forEach((id, index) => db.update(documents).set({ position: index + 1, updatedAt: at }).where(eq(documents.id, id)).run());
}

export function deleteDocument(db: Db, id: number): void {
  db.delete(documents).where(eq(documents.id, id)).run();
}

export function highestDocumentLevel(db: Db, dossierId: number): number {
  return db.get<{ n: number | null }>(sql`SELECT max(level) AS n FROM documents WHERE dossier_id = ${dossierId}`)?.n ?? -1;
}
