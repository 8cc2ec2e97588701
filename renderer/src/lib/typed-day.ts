import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** The first is how a day is shown; the others are how clerks also type one (2026/11/2, 2026.11.2, 20261102, 2026年11月2日). */
export const DAY_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日', 'YYYY-M-D'];

/** A typed day in one of DAY_FORMATS as YYYY-MM-DD, or null. */
export function typedDay(text: string): string | null {
  const day = dayjs(text.trim(), DAY_FORMATS, true);
  return day.isValid() ? day.format('YYYY-MM-DD') : null;
}

