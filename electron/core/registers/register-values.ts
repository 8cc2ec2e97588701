import { formulaSafe } from '../fs/formula-safe';
import type { RegisterValue, RegisterValueType } from './register-spec';

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });

/** A value as printed: money with two decimals and thousands grouped, the rest as given. */
export function printedValue(value: RegisterValue | undefined, type: RegisterValueType): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return type === 'money' ? money.format(value) : String(value);
  return value;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/**
 * A value as a spreadsheet cell: numbers as numbers, days and times as dates (a spreadsheet's
 * dates have no time zone: the wall-clock value is written as if it were UTC, which is how
 * exceljs turns a Date into a serial day), text formula-safe. A day or time that is not in its
 * form stays text rather than becoming a wrong date.
 */
export function sheetValue(value: RegisterValue | undefined, type: RegisterValueType): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const parts = (type === 'day' ? DAY : type === 'time' ? TIME : null)?.exec(value);
  if (parts) {
    const [year, month, day, hour = 0, minute = 0] = parts.slice(1).map(Number) as [number, number, number, number?, number?];
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60) return date;
  }
  return formulaSafe(value);
}
