import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/** Dossier types; their definitions live in versions, so old dossiers keep the one they were made with. */
export const dossierTypes = sqliteTable('dossier_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stable id used by the CLI and imports (vehicle-new, property …). */
  key: text('key').notNull().unique(),
  currentVersion: integer('current_version').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const dossierTypeVersions = sqliteTable(
  'dossier_type_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    typeId: integer('type_id')
      .notNull()
      .references(() => dossierTypes.id),
    version: integer('version').notNull(),
    /** The whole definition as JSON, validated by typeDefinitionSchema. */
    definition: text('definition').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('dossier_type_versions_unique').on(t.typeId, t.version)],
);
