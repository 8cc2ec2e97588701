import { lastAuditEvent } from '../../../../db/repositories/audit';
import { readCalendarOverlay, type CalendarEntry, type CalendarOverlay } from '../../../../db/repositories/calendar';
import type { Db } from '../../../../db/open';
import type { CalendarDayInfo } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { CalendarYearTable, placeOf } from './calendar-year';
import { isShippedYear, shippedCalendar } from './shipped-calendar';

/** Working days (工作日) under the Chinese public-holiday calendar with its make-up days (调休). Days are YYYY-MM-DD. */
export interface WorkingCalendar {
  isWorkday(day: string): boolean;
  dayInfo(day: string): CalendarDayInfo;
  /** The n-th working day after `day` (n < 0: the |n|-th before it; 0: the day itself). */
  addWorkdays(day: string, n: number): string;
  /** Working days after the deadline up to and including `actual`; 0 if on time. */
  workdaysLate(deadline: string, actual: string): number;
}

/** Days beyond these years are outside any calendar (and outside YYYY-MM-DD). */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** The shipped calendar with an administrator's entries laid over it; each year worked out when first asked about. */
class OverlaidCalendar implements WorkingCalendar {
  private readonly entries: ReadonlyMap<string, CalendarEntry>;
  private readonly confirmedYears: ReadonlySet<number>;
  private readonly years = new Map<number, CalendarYearTable>();

  constructor(overlay: CalendarOverlay) {
    this.entries = new Map(overlay.entries.map((entry) => [entry.day, entry]));
    this.confirmedYears = new Set(overlay.confirmedYears);
  }

  isWorkday(day: string): boolean {
    const { year, index } = placeOf(day);
    return this.table(year).workday[index] === 1;
  }

  dayInfo(day: string): CalendarDayInfo {
    const { year, index } = placeOf(day);
    const workday = this.table(year).workday[index] === 1;
    const confirmed = isShippedYear(year) || this.confirmedYears.has(year);
    const entry = this.entries.get(day);
    if (entry) return { day, workday, name: entry.name, source: 'administrator', confirmed };
    const shipped = shippedCalendar.get(day);
    if (shipped) return { day, workday, name: shipped.name, source: 'package', confirmed };
    return { day, workday, name: null, source: 'weekend-rule', confirmed };
  }

  addWorkdays(day: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new AppError('INTERNAL', { zh: `工作日数应为整数：${n}`, en: `A number of working days must be whole: ${n}` });
    const { year, index } = placeOf(day);
    if (n === 0) return day;
    let table = this.table(year);
    const here = table.rank[index] ?? 0;
    // The rank, counted within `table`'s year, of the working day sought.
    let rank = n > 0 ? here + n : here - (table.workday[index] ?? 0) + n + 1;
    while (rank > table.total) {
      rank -= table.total;
      table = this.table(table.year + 1);
    }
    while (rank < 1) {
      table = this.table(table.year - 1);
      rank += table.total;
    }
    return table.dayOfRank(rank);
  }

  workdaysLate(deadline: string, actual: string): number {
    const due = placeOf(deadline);
    const done = placeOf(actual);
    if (done.year < due.year || (done.year === due.year && done.index <= due.index)) return 0;
    const dueTable = this.table(due.year);
    if (done.year === due.year) return (dueTable.rank[done.index] ?? 0) - (dueTable.rank[due.index] ?? 0);
    let late = dueTable.total - (dueTable.rank[due.index] ?? 0);
    for (let year = due.year + 1; year < done.year; year += 1) late += this.table(year).total;
    return late + (this.table(done.year).rank[done.index] ?? 0);
  }

  private table(year: number): CalendarYearTable {
    let table = this.years.get(year);
    if (!table) {
      if (year < FIRST_YEAR || year > LAST_YEAR) throw new AppError('VALIDATION', { zh: `超出日历范围（${year} 年）`, en: `Beyond the calendar (year ${year})` });
      table = new CalendarYearTable(year, (day, weekend) => this.isWorkdayAsEntered(day, weekend));
      this.years.set(year, table);
    }
    return table;
  }

  private isWorkdayAsEntered(day: string, weekend: boolean): boolean {
    const entry = this.entries.get(day);
    if (entry) return entry.kind === 'workday';
    return shippedCalendar.get(day)?.workday ?? !weekend;
  }
}

/** A calendar from given entries, kept nowhere (tests, and a write that has just changed the entries). */
export function calendarFrom(overlay: CalendarOverlay): WorkingCalendar {
  return new OverlaidCalendar(overlay);
}

interface Kept {
  /** The newest audit event when the entries were last read: every change writes one, from any program. */
  head: number;
  /** The entries as last read, to keep the worked-out years when a change was about something else. */
  entries: string;
  calendar: WorkingCalendar;
}

const kept = new WeakMap<Db, Kept>();

/**
 * The working calendar of an archive: the shipped calendar overlaid with the administrator's
 * entries. Kept per database while the archive does not change (one indexed lookup to tell), and
 * while changes leave the calendar's entries as they were; a change of a day by an administrator –
 * in this program or another – shows at the next call.
 */
export function workingCalendar(db: Db): WorkingCalendar {
  const head = lastAuditEvent(db)?.id ?? 0;
  // Inside a transaction the newest event may not yet record what the transaction changed.
  const settled = !db.$client.inTransaction;
  const known = kept.get(db);
  if (known && settled && known.head === head) return known.calendar;
  const overlay = readCalendarOverlay(db);
  const entries = JSON.stringify(overlay);
  if (known && known.entries === entries) {
    if (settled) known.head = head;
    return known.calendar;
  }
  const calendar = calendarFrom(overlay);
  if (settled) kept.set(db, { head, entries, calendar });
  return calendar;
}
