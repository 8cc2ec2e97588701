import { asc, eq } from 'drizzle-orm';
import type { Db } from '../open';
import { calendarDays, calendarYears } from '../schema';

/** An administrator's entry for one day (a correction, or a day of next year's notice). */
export interface CalendarEntry {
  day: string;
  kind: 'workday' | 'holiday';
  name: string | null;
}

/** Everything the administrator added to the shipped calendar: a few dozen rows a year. */
export interface CalendarOverlay {
  entries: CalendarEntry[];
  confirmedYears: number[];
}

const entryColumns = { day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name };

export function readCalendarOverlay(db: Db): CalendarOverlay {
  const entries = db.select(entryColumns).from(calendarDays).orderBy(asc(calendarDays.day)).all();
  const confirmedYears = db.select({ year: calendarYears.year }).from(calendarYears).orderBy(asc(calendarYears.year)).all().map((row) => row.year);
  return { entries, confirmedYears };
}

export function findCalendarEntry(db: Db, day: string): CalendarEntry | null {
  return db.select(entryColumns).from(calendarDays).where(eq(calendarDays.day, day)).get() ?? null;
}

export function saveCalendarEntry(db: Db, entry: CalendarEntry, by: number, at: string): void {
  const row = { kind: entry.kind, name: entry.name, setBy: by, setAt: at };
  db.insert(calendarDays)
    .values({ day: entry.day, ...row })
    .onConflictDoUpdate({ target: calendarDays.day, set: row })
    .run();
}

export function deleteCalendarEntry(db: Db, day: string): void {
  db.delete(calendarDays).where(eq(calendarDays.day, day)).run();
}

export function insertConfirmedYear(db: Db, year: number, by: number, at: string): void {
  db.insert(calendarYears).values({ year, confirmedBy: by, confirmedAt: at }).run();
}
