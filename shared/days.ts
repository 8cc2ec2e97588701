import { z } from 'zod';
import { bilingual } from './validation';

/** A real day written YYYY-MM-DD: 2026-02-30 and 2026-13-45 are not. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A day in a channel's input (a document's date, the day a dossier was opened, a filter bound). */
export const calendarDaySchema = z.string().refine(isCalendarDay, bilingual('日期应为真实存在的日期，格式 YYYY-MM-DD', 'A date must be a real day written YYYY-MM-DD'));

const TIME_BOUND = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** A day, or an exact ISO time on a real day at a real hour of it (not 2026-02-30, not T24:00 or T23:60). */
export function isTimeBound(text: string): boolean {
  const match = TIME_BOUND.exec(text);
  if (!match || !isCalendarDay(match[1] ?? '')) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = match.slice(2).map((part) => Number(part ?? 0));
  return (hours ?? 0) < 24 && (minutes ?? 0) < 60 && (seconds ?? 0) < 60 && (offsetHours ?? 0) <= 14 && (offsetMinutes ?? 0) < 60;
}

/** A bound of a period in a channel's input (the audit trail's from and to). */
export const timeBoundSchema = z.string().refine(isTimeBound, bilingual('日期应为真实存在的日期，格式 YYYY-MM-DD（或 ISO 时间）', 'A date must be a real day written YYYY-MM-DD (or an ISO time)'));
