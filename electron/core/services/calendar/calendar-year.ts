import { AppError } from '../../../../shared/errors';

const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Where a day written YYYY-MM-DD falls: its year and its index in that year (1 January is 0). */
export interface DayPlace {
  year: number;
  index: number;
}

/** The place of a real day; VALIDATION for anything else (2026-02-30, 2026-2-3). */
export function placeOf(day: string): DayPlace {
  const match = DAY_TEXT.exec(day);
  const [year, month, date] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (year < 1 || month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) {
    throw new AppError('VALIDATION', { zh: `日期“${day}”不是真实存在的日期（格式 YYYY-MM-DD）`, en: `"${day}" is not a real day written YYYY-MM-DD` });
  }
  return { year, index: (MONTH_STARTS[month - 1] ?? 0) + (month > 2 && isLeapYear(year) ? 1 : 0) + date - 1 };
}

/** Every day of a year, written YYYY-MM-DD, in order. */
export function daysOfYear(year: number): string[] {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const days: string[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const monthPrefix = `${prefix}${String(month).padStart(2, '0')}-`;
    for (let date = 1; date <= daysInMonth(year, month); date += 1) days.push(`${monthPrefix}${String(date).padStart(2, '0')}`);
  }
  return days;
}

/** 0 = Sunday … 6 = Saturday, for 1 January of the year (Date.UTC would read years below 100 as 19xx). */
function weekdayOfNewYear(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getUTCDay();
}

/** Whether the index-th day of a year whose 1 January falls on `newYearWeekday` is a Saturday or Sunday. */
function weekendAt(newYearWeekday: number, index: number): boolean {
  const weekday = (newYearWeekday + index) % 7;
  return weekday === 0 || weekday === 6;
}

/** Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const { year, index } = placeOf(day);
  return weekendAt(weekdayOfNewYear(year), index);
}

/**
 * One year of the working-day calendar, worked out once: whether each day is a working day, and
 * how many working days the year has up to and including each day – so that counting working
 * days between two days, or finding the n-th one after a day, is a lookup and a binary search
 * instead of a walk over the days.
 */
export class CalendarYearTable {
  readonly days: readonly string[];
  readonly workday: Uint8Array;
  /** Working days from 1 January up to and including each day. */
  readonly rank: Uint16Array;
  readonly total: number;

  constructor(
    readonly year: number,
    isWorkday: (day: string, weekend: boolean) => boolean,
  ) {
    this.days = daysOfYear(year);
    const newYearWeekday = weekdayOfNewYear(year);
    this.workday = new Uint8Array(this.days.length);
    this.rank = new Uint16Array(this.days.length);
    let count = 0;
    this.days.forEach((day, index) => {
      if (isWorkday(day, weekendAt(newYearWeekday, index))) {
        this.workday[index] = 1;
        count += 1;
      }
      this.rank[index] = count;
    });
    this.total = count;
  }

  /** The day that is the year's `rank`-th working day (1 ≤ rank ≤ total). */
  dayOfRank(rank: number): string {
    let low = 0;
    let high = this.days.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.rank[middle] ?? 0) < rank) low = middle + 1;
      else high = middle;
    }
    return this.days[low] ?? '';
  }
}
