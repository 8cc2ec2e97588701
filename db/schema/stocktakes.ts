import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { stocktakeOutcomes } from '../../shared/stocktake';
import { dossiers } from './dossiers';
import { loans } from './loans';
import { locations } from './locations';
import { users } from './users';

/**
 * The stocktake register (盘点): a walk along the shelves of one place (a room, cabinet, shelf or
 * box and everything inside it). Append-only, like every register: a scan is an entry of its own,
 * the finish another that closes it; nothing is changed after it is written.
 */
export const stocktakes = sqliteTable(
  'stocktakes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    locationId: integer('location_id')
      .notNull()
      .references(() => locations.id),
    startedBy: integer('started_by')
      .notNull()
      .references(() => users.id),
    startedAt: text('started_at').notNull(),
  },
  (t) => [index('stocktakes_location_idx').on(t.locationId)],
);

/** One scan (or typed number) with what it found at the time: where the register had the dossier, whether it was out on loan. */
export const stocktakeScans = sqliteTable(
  'stocktake_scans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stocktakeId: integer('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    /** As read from the label (a QR payload decoded to its number). */
    archiveNumber: text('archive_number').notNull(),
    /** Null when the archive has no such number. */
    dossierId: integer('dossier_id').references(() => dossiers.id),
    outcome: text('outcome', { enum: stocktakeOutcomes }).notNull(),
    /** Where the register had the dossier when it was scanned (null: not shelved, or unknown). */
    expectedLocationId: integer('expected_location_id').references(() => locations.id),
    /** The open loan of an `on-loan` finding. */
    loanId: integer('loan_id').references(() => loans.id),
    scannedBy: integer('scanned_by')
      .notNull()
      .references(() => users.id),
    scannedAt: text('scanned_at').notNull(),
  },
  // A repeat is found by number; the live view finds what was scanned by dossier.
  (t) => [index('stocktake_scans_number_idx').on(t.stocktakeId, t.archiveNumber), index('stocktake_scans_dossier_idx').on(t.stocktakeId, t.dossierId)],
);

/** The finish: who closed the stocktake when, and how many misplaced dossiers were moved to where they were found. */
export const stocktakeFinishes = sqliteTable(
  'stocktake_finishes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stocktakeId: integer('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    finishedBy: integer('finished_by')
      .notNull()
      .references(() => users.id),
    finishedAt: text('finished_at').notNull(),
    corrected: integer('corrected').notNull(),
  },
  (t) => [uniqueIndex('stocktake_finishes_stocktake_unique').on(t.stocktakeId)],
);

/**
 * What was expected here and not scanned, as it stood at the finish: missing, or out on loan (with
 * the loan). Kept so that the report of a finished stocktake never changes with later moves.
 */
export const stocktakeAbsences = sqliteTable(
  'stocktake_absences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stocktakeId: integer('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    dossierId: integer('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    expectedLocationId: integer('expected_location_id')
      .notNull()
      .references(() => locations.id),
    /** Set when the dossier was out on loan (not missing). */
    loanId: integer('loan_id').references(() => loans.id),
  },
  (t) => [uniqueIndex('stocktake_absences_unique').on(t.stocktakeId, t.dossierId)],
);
