import { asc, eq, sql } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
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

/** The two statements every new document runs, prepared once per connection (a batch of scans makes a document per file). */
const appendStatements = new WeakMap<Db['$client'], { lastPosition: Statement; insert: Statement }>();

function appendStatementsOf(db: Db): { lastPosition: Statement; insert: Statement } {
  let prepared = appendStatements.get(db.$client);
  if (!prepared) {
    prepared = {
      lastPosition: db.$client.prepare('SELECT max(position) FROM documents WHERE dossier_id = ? AND group_key IS ?').pluck(),
      insert: db.$client
        .prepare(
          `INSERT INTO documents (dossier_id, checklist_item, title, doc_date, form, pages, group_key, position, level, remarks, created_at, created_by, updated_at)
           VALUES (@dossierId, @checklistItem, @title, @docDate, @form, @pages, @groupKey, @position, @level, @remarks, @at, @createdBy, @at) RETURNING id`,
        )
        .pluck(),
    };
    appendStatements.set(db.$client, prepared);
  }
  return prepared;
}

/** Appends a document at the end of its group. */
export function insertDocument(db: Db, document: NewDocument): number {
  const { lastPosition, insert } = appendStatementsOf(db);
  const last = lastPosition.get(document.dossierId, document.groupKey) as number | null;
  return insert.get({ ...document, position: (last ?? 0) + 1 }) as number;
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
