import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { checkItems, checkStatuses, findingKinds, repairOutcomes } from '../../shared/inspections';
import { dossiers } from './dossiers';
import { locations } from './locations';
import { scanFiles } from './scans';
import { users } from './users';

/**
 * The custody inspection register (保管检查记录, ST-02…ST-05): an inspection of the whole store
 * (no location) or of one room. While it is open its checklist, findings and photos are drafted;
 * its finish makes it a register entry, and from then on nothing of it changes (triggers). Repair
 * orders and their outcomes are entries of their own, added later.
 */
export const inspections = sqliteTable(
  'inspections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The room inspected; null: the whole store. */
    locationId: integer('location_id').references(() => locations.id),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: text('started_at').notNull(),
  },
  (t) => [index('inspections_location_idx').on(t.locationId)],
);

/** One checklist item's verdict: OK or a problem, with a note, and a reading for humidity (%RH) and temperature (℃). */
export const inspectionChecks = sqliteTable(
  'inspection_checks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    item: text('item', { enum: checkItems }).notNull(),
    status: text('status', { enum: checkStatuses }).notNull(),
    reading: real('reading'),
    note: text('note'),
  },
  (t) => [uniqueIndex('inspection_checks_item_unique').on(t.inspectionId, t.item)],
);

/** What was found on one dossier: faded writing, torn, mould, missing pages or other, with a note. */
export const inspectionFindings = sqliteTable(
  'inspection_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    kind: text('kind', { enum: findingKinds }).notNull(),
    note: text('note').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('inspection_findings_inspection_idx').on(t.inspectionId), index('inspection_findings_dossier_idx').on(t.dossierId)],
);

/**
 * A photo of a finding: a file in the encrypted scan store (scan_files), not a document of the
 * dossier. The row is what makes verify count the file as referenced.
 */
export const inspectionPhotos = sqliteTable(
  'inspection_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => scanFiles.id),
    /** The photo's own name when it was added (e.g. IMG_0042.jpg). */
    sourceName: text('source_name').notNull(),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('inspection_photos_finding_idx').on(t.findingId), index('inspection_photos_file_idx').on(t.fileId)],
);

/** The finish: the day inspected, who inspected (names, as they sign), remarks. Once per inspection. */
export const inspectionFinishes = sqliteTable(
  'inspection_finishes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id),
    inspectedOn: text('inspected_on').notNull(),
    /** JSON array of names. */
    inspectors: text('inspectors').notNull(),
    remarks: text('remarks'),
    finishedBy: integer('finished_by')
      .notNull()
      .references(() => users.id),
    finishedAt: text('finished_at').notNull(),
  },
  (t) => [uniqueIndex('inspection_finishes_inspection_unique').on(t.inspectionId), index('inspection_finishes_on_idx').on(t.inspectedOn)],
);

/** A repair order (修复单) for a finding of a finished inspection: what is to be done. One per finding. */
export const repairOrders = sqliteTable(
  'repair_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    findingId: integer('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    instructions: text('instructions').notNull(),
    orderedBy: integer('ordered_by')
      .notNull()
      .references(() => users.id),
    orderedAt: text('ordered_at').notNull(),
  },
  (t) => [uniqueIndex('repair_orders_finding_unique').on(t.findingId)],
);

/** How a repair order ended: repaired, replaced by a copy, or cannot be repaired – who did it, when. Once per order. */
export const repairOutcomesTable = sqliteTable(
  'repair_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => repairOrders.id),
    outcome: text('outcome', { enum: repairOutcomes }).notNull(),
    note: text('note'),
    /** Who repaired (a name: often a restorer from outside). */
    repairedBy: text('repaired_by').notNull(),
    repairedOn: text('repaired_on').notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('repair_outcomes_order_unique').on(t.orderId)],
);
