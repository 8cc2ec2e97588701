import { formatLocalDate } from '../../../../shared/time';
import type { WorkingCalendar } from '../calendar/working-days';

/** The day `days` calendar days after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (date ?? 1) + days)).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days past the due day: until today while out, until the return once back. */
export function overdueDays(dueOn: string, returnedAt: string | null, now: Date): number {
  const until = returnedAt ? formatLocalDate(new Date(returnedAt)) : formatLocalDate(now);
  return Math.max(0, daysBetween(dueOn, until));
}

/** The due day of a period of `days` from `start`: a day off moves it to the next working day. */
export function dueDay(calendar: WorkingCalendar, start: string, days: number): string {
  const day = addDays(start, days);
  return calendar.isWorkday(day) ? day : calendar.addWorkdays(day, 1);
}
