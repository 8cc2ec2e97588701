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
