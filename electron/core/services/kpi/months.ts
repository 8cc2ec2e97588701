import { formatLocalDate, parseTimeBound } from '../../../../shared/time';
import { addDays } from '../loans/loan-days';

/** A month of the reports: its days, the ISO bounds of its local days, and how far it is counted. */
export interface MonthSpan {
  month: string;
  firstDay: string;
  lastDay: string;
  /** ISO: the start of the first day, and the start of the day after the last (exclusive). */
  fromTime: string;
  toTime: string;
  /** The last day counted: the last day, or today while the month runs. */
  through: string;
  /** ISO end of `through` (exclusive). */
  throughTime: string;
}

/** The month `offset` months after `month` (YYYY-MM; offset may be negative). */
export function shiftMonth(month: string, offset: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `count` months ending with `month`, oldest first. */
export function monthsBack(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

/** A month counted up to today, and – for a printed register's period – only its days from `within.from` to `within.to`. */
export function monthSpan(month: string, now: Date, within?: { from: string; to: string }): MonthSpan {
  const start = `${month}-01`;
  const end = addDays(`${shiftMonth(month, 1)}-01`, -1);
  const firstDay = within && within.from > start ? within.from : start;
  const lastDay = within && within.to < end ? within.to : end;
  const today = formatLocalDate(now);
  const through = today < lastDay ? today : lastDay;
  return {
    month,
    firstDay,
    lastDay,
    fromTime: parseTimeBound(firstDay, false).toISOString(),
    toTime: parseTimeBound(lastDay, true).toISOString(),
    through,
    throughTime: parseTimeBound(through, true).toISOString(),
  };
}

/** The months a period of days touches, oldest first. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) months.push(month);
  return months;
}
