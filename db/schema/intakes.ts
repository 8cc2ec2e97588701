import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { departments } from './departments';
import { dossiers } from './dossiers';
import { users } from './users';

/**
 * The intake book (签收簿): one entry per hand-over of dossiers by a department to the archive (IN-01).
 * Append-only like the loan register: a wrong entry is corrected by a new one naming it in
 * `corrects_id`; nothing here changes after it is written.
 */
export const intakes = sqliteTable(
  'intakes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** When the dossiers changed hands (ISO time). */
    handedOverAt: text('handed_over_at').notNull(),
    fromDepartmentId: integer('from_department_id')
      .notNull()
      .references(() => departments.id),
    /** The person who brought them, as they signed … */
    handedByName: text('handed_by_name').notNull(),
    /** … and their account, when they have one. */
    handedByUserId: integer('handed_by_user_id').references(() => users.id),
    /** The archive clerk who received them. */
    receivedBy: integer('received_by')
      .notNull()
      .references(() => users.id),
    /** 资料不齐时需注明: the note of what is short. */
    shortageNote: text('shortage_note'),
    /** JSON: typed name and optional drawn signature (PNG data URL) of each party. */
    handedBySignature: text('handed_by_signature').notNull(),
    receiverSignature: text('receiver_signature').notNull(),
    /** The entry this one corrects (it no longer counts: its shortages and late marks are replaced by this one's). */
    correctsId: integer('corrects_id').references((): AnySQLiteColumn => intakes.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('intakes_handed_over_idx').on(t.handedOverAt),
    index('intakes_department_idx').on(t.fromDepartmentId, t.handedOverAt),
    // The KPIs read a month's hand-overs with their department from the index alone.
    index('intakes_kpi_idx').on(t.handedOverAt, t.fromDepartmentId),
    // One correction per entry: a second would leave two versions standing.
    uniqueIndex('intakes_corrects_unique').on(t.correctsId),
  ],
);

/** The dossiers of an intake: the deadline each was handed over against, and per checklist item present or missing. */
export const intakeDossiers = sqliteTable(
  'intake_dossiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    intakeId: integer('intake_id')
      .notNull()
      .references(() => intakes.id),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Opened by the clerk during this hand-over (dossier:create in the same transaction). */
    openedHere: integer('opened_here', { mode: 'boolean' }).notNull(),
    /** The day the deadline runs from (delivery, subscription …), null when the dossier's type has none. */
    triggerDate: text('trigger_date'),
    /** The type's date field it was read from; null when given at the hand-over. */
    triggerField: text('trigger_field'),
    /** The last working day for the hand-over, and how many working days after it the hand-over came. */
    deadline: text('deadline'),
    workdaysLate: integer('workdays_late'),
    /** JSON: [{ key, name, status: present | missing }] – the checklist items recorded at this hand-over. */
    items: text('items').notNull(),
    missingCount: integer('missing_count').notNull(),
  },
  (t) => [
    uniqueIndex('intake_dossiers_unique').on(t.intakeId, t.dossierId),
    index('intake_dossiers_dossier_idx').on(t.dossierId),
    // The KPIs and the violation ledger: a line's figures, and a dossier's earlier entries, without reading the rows.
    index('intake_dossiers_kpi_idx').on(t.intakeId, t.dossierId, t.workdaysLate, t.missingCount, t.deadline),
    index('intake_dossiers_history_idx').on(t.dossierId, t.intakeId, t.missingCount),
    index('intake_dossiers_late_idx')
      .on(t.intakeId)
      .where(sql`${t.workdaysLate} > 0`),
  ],
);

/**
 * Shortages still open: the checklist items whose latest recorded state, over the intakes that
 * count, is missing. Derived from the intake book and rebuilt per dossier in the transaction of
 * each intake touching it – not a register itself, so rows come and go – so the workbench reads
 * its list without replaying the book.
 */
export const openShortageItems = sqliteTable(
  'open_shortages',
  {
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    itemKey: text('item_key').notNull(),
    itemName: text('item_name').notNull(),
    /** The intake since which it has been missing, and the latest that noted it. */
    sinceIntakeId: integer('since_intake_id')
      .notNull()
      .references(() => intakes.id),
    lastIntakeId: integer('last_intake_id')
      .notNull()
      .references(() => intakes.id),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.itemKey] }), index('open_shortages_since_idx').on(t.sinceIntakeId)],
);
