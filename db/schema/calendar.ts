import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * An administrator's entry in the working-day calendar: a day that is a workday or a holiday
 * against the shipped calendar (a correction, or next year's State Council notice entered as data).
 */
export const calendarDays = sqliteTable('calendar_days', {
  /** YYYY-MM-DD. */
  day: text('day').primaryKey(),
  kind: text('kind', { enum: ['workday', 'holiday'] }).notNull(),
  name: text('name'),
  setBy: integer('set_by')
    .notNull()
    .references(() => users.id),
  setAt: text('set_at').notNull(),
});

/** A year whose holidays an administrator has entered in full (the shipped calendar's years are known anyway). */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  confirmedBy: integer('confirmed_by')
    .notNull()
    .references(() => users.id),
  confirmedAt: text('confirmed_at').notNull(),
});
