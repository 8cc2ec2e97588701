import { z } from 'zod';
import { calendarDaySchema } from '../days';
import { requiredText } from '../schemas';
import { bilingual } from '../validation';
import { mutation, query, returns } from './define';

/**
 * Where a day's status comes from: the State Council's arrangements as shipped (package
 * `chinese-days`), an administrator's entry, or – for a plain day – the rule that Saturday and
 * Sunday are rest days and every other day is a working day.
 */
export type CalendarSource = 'package' | 'administrator' | 'weekend-rule';

export const calendarSourceLabels: Record<CalendarSource, { zh: string; en: string }> = {
  package: { zh: '内置节假日安排', en: 'shipped calendar' },
  administrator: { zh: '管理员录入', en: 'administrator' },
  'weekend-rule': { zh: '周末规则', en: 'weekend rule' },
};

export const calendarDayKinds = ['workday', 'holiday'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** One day of the working-day calendar (工作日历). */
export interface CalendarDayInfo {
  /** YYYY-MM-DD. */
  day: string;
  workday: boolean;
  /** The holiday's name (春节), also on its make-up workdays; an administrator's name as entered. */
  name: string | null;
  source: CalendarSource;
  /** The year's arrangements are known: shipped, or entered and confirmed by an administrator. */
  confirmed: boolean;
}

/** A day of the calendar screen: one that differs from the weekend rule or has a name. */
export interface CalendarListDay extends CalendarDayInfo {
  weekend: boolean;
  /** The shipped name in English (Spring Festival); null for an administrator's name. */
  nameEn: string | null;
  /** Where an administrator's entry covers the day: what it is without the entry (shipped or by the weekend rule), what "revert" brings back. */
  shipped: { workday: boolean; name: string | null } | null;
}

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  /** How the year came to be known: shipped with the program, or confirmed by an administrator. */
  confirmation: 'package' | 'administrator' | null;
  /** The years the shipped calendar covers. */
  shippedYears: { first: number; last: number };
  days: CalendarListDay[];
}

/** Years the calendar can be asked about and corrected for. */
export const CALENDAR_YEARS = { min: 1949, max: 2100 } as const;

const yearMessage = bilingual(`年份应在 ${CALENDAR_YEARS.min}–${CALENDAR_YEARS.max} 之间`, `The year must lie between ${CALENDAR_YEARS.min} and ${CALENDAR_YEARS.max}`);
export const calendarYearSchema = z.number().int(yearMessage).min(CALENDAR_YEARS.min, yearMessage).max(CALENDAR_YEARS.max, yearMessage);

const calendarEntryDaySchema = calendarDaySchema.refine((day) => {
  const year = Number(day.slice(0, 4));
  return year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max;
}, yearMessage);

export const holidayNameSchema = requiredText({ zh: '名称', en: 'The name' }, 32);

export const calendarContract = {
  /** Anyone signed in: deadlines in every register are counted in these working days. */
  'calendar:list': query({
    access: 'session',
    input: z.strictObject({ year: calendarYearSchema }),
    output: returns<CalendarYear>(),
  }),
  /** Makes a day a workday or a holiday (a correction, or a day of a new State Council notice). */
  'calendar:set': mutation({
    access: 'settings.manage',
    input: z.strictObject({ day: calendarEntryDaySchema, kind: z.enum(calendarDayKinds), name: holidayNameSchema.nullable().optional() }),
    output: returns<CalendarListDay>(),
  }),
  /** Removes the administrator's entry: the day is again as shipped (or as the weekend rule says). */
  'calendar:unset': mutation({
    access: 'settings.manage',
    input: z.strictObject({ day: calendarEntryDaySchema }),
    output: returns<CalendarListDay>(),
  }),
  /** The State Council's notice for the year has been entered in full: the year is no longer "unconfirmed". */
  'calendar:confirm-year': mutation({
    access: 'settings.manage',
    input: z.strictObject({ year: calendarYearSchema }),
    output: returns<CalendarYear>(),
  }),
};
