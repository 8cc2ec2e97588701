import type { Db } from '../open';
import { imports } from '../schema';

export type NewImport = Omit<typeof imports.$inferInsert, 'id'>;

export function insertImport(db: Db, record: NewImport): number {
  return db.insert(imports).values(record).returning({ id: imports.id }).get().id;
}
