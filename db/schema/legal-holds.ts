import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { dossiers } from './dossiers';
import { users } from './users';

/**
 * The legal-hold register (诉讼保全): a dossier under hold cannot be appraised, disposed of or have
 * pages removed until the hold is lifted. Append-only like every register: placing is one entry,
 * lifting another; a hold is in force while it has no lift.
 */
export const legalHolds = sqliteTable(
  'legal_holds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** Why: the case, the authority's letter … */
    reason: text('reason').notNull(),
    /** The case number (案号), when there is one. */
    caseNumber: text('case_number'),
    placedBy: integer('placed_by')
      .notNull()
      .references(() => users.id),
    placedAt: text('placed_at').notNull(),
  },
  (t) => [index('legal_holds_dossier_idx').on(t.dossierId)],
);

/** The lift of a hold: who, when, why. At most one per hold. */
export const legalHoldLifts = sqliteTable(
  'legal_hold_lifts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    holdId: integer('hold_id')
      .notNull()
      .references(() => legalHolds.id),
    reason: text('reason').notNull(),
    liftedBy: integer('lifted_by')
      .notNull()
      .references(() => users.id),
    liftedAt: text('lifted_at').notNull(),
  },
  (t) => [uniqueIndex('legal_hold_lifts_hold_idx').on(t.holdId)],
);
