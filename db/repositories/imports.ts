import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import { imports } from '../schema';

export type NewImport = Omit<typeof imports.$inferInsert, 'id'>;

export function insertImport(db: Db, record: NewImport): number {
  return db.insert(imports).values(record).returning({ id: imports.id }).get().id;
}

/** The number of rows an import brought in (known once it has written them all). */
export function setImportRows(db: Db, id: number, rows: number): void {
  db.update(imports).set({ rows }).where(eq(imports.id, id)).run();
}
