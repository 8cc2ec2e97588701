import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { departments } from './departments';
import { users } from './users';

export const dossiers = sqliteTable('dossiers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  archiveNumber: text('archive_number').notNull().unique(),
  title: text('title').notNull(),
  departmentId: integer('department_id').references(() => departments.id),
  /** Rank on the confidentiality scale (密级). */
  level: integer('level').notNull().default(1),
  /** CF-01: marked levels are held by a named custodian … */
  custodianId: integer('custodian_id').references(() => users.id),
  /** … and stored separately. */
  storedSeparately: integer('stored_separately', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
  updatedAt: text('updated_at').notNull(),
});

/** Running numbers per scope (e.g. `KH-2026`): numbers are never reused, even after a dossier is gone. */
export const numberSequences = sqliteTable('number_sequences', {
  scope: text('scope').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
