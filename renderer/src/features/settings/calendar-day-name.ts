import type { CalendarListDay } from '../../../../shared/contract';

/** A day's name in the UI's language: the shipped holidays have an English name, an administrator's name is shown as entered. */
export function dayName(day: Pick<CalendarListDay, 'name' | 'nameEn'>, language: string): string | null {
  return language === 'en' && day.nameEn ? day.nameEn : day.name;
}
