import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossierTypes } from './types';
import { users } from './users';

/** One committed import of a clerk's sheet: which file (by its SHA-256), of which type, how many rows. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
  encoding: text('encoding'),
  typeId: integer('type_id')
    .notNull()
    .references(() => dossierTypes.id),
  rows: integer('rows').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
});
