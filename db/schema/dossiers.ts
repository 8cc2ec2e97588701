import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { imports } from './imports';
import { locations } from './locations';
import { departments } from './departments';
import { dossierTypes } from './types';
import { users } from './users';

export const dossiers = sqliteTable(
  'dossiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    archiveNumber: text('archive_number').notNull().unique(),
    title: text('title').notNull(),
    /** The type and the version of its definition this dossier was made with (null: before types existed). */
    typeId: integer('type_id').references(() => dossierTypes.id),
    typeVersion: integer('type_version'),
    /** Subject fields as JSON, keyed by the type's field keys. */
    fields: text('fields').notNull().default('{}'),
    classification: text('classification'),
    /** Retention as JSON ({kind:'permanent'} or {kind:'years',years}), copied from the type and adjustable. */
    retention: text('retention'),
    carrier: text('carrier', { enum: ['paper', 'electronic', 'both'] })
      .notNull()
      .default('paper'),
    /** 在库 / 借出 / 移交 / 已销毁 – changed only by register entries. */
    status: text('status', { enum: ['in-archive', 'on-loan', 'transferred', 'destroyed'] })
      .notNull()
      .default('in-archive'),
    /** 建档日期 (a day, YYYY-MM-DD). */
    openedOn: text('opened_on'),
    remarks: text('remarks'),
    /** Checklist keys of required items without a document (JSON array), kept current on every document change. */
    missingItems: text('missing_items').notNull().default('[]'),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(true),
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
    /** The import that brought this dossier in, if any. */
    importId: integer('import_id').references((): AnySQLiteColumn => imports.id),
    /** Where the paper dossier stands (a box, or a shelf). */
    locationId: integer('location_id').references((): AnySQLiteColumn => locations.id),
  },
  // Each index also holds the row id, so one filter still lists newest first without sorting.
  (t) => [
    index('dossiers_type_idx').on(t.typeId),
    index('dossiers_status_idx').on(t.status),
    index('dossiers_department_idx').on(t.departmentId),
    index('dossiers_level_idx').on(t.level),
    index('dossiers_opened_idx').on(t.openedOn),
    // The KPIs count a month's new dossiers by department, type, level and classification from the index alone.
    index('dossiers_opened_kpi_idx').on(t.openedOn, t.departmentId, t.typeId, t.level, t.classification),
    index('dossiers_location_idx').on(t.locationId),
    // Checking search hits for visibility and filters reads this small index, not the wide rows (see dossier-query).
    index('dossiers_visibility_idx').on(t.id, t.level, t.departmentId, t.typeId, t.status, t.complete, t.locationId),
  ],
);

/** Running numbers per scope (e.g. `KH-2026`): numbers are never reused, even after a dossier is gone. */
export const numberSequences = sqliteTable('number_sequences', {
  scope: text('scope').primaryKey(),
  lastValue: integer('last_value').notNull(),
});
