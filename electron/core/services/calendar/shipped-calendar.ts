import shippedData from 'chinese-days/dist/chinese-days.json';

/** A day the State Council's arrangements name: a public holiday, or a make-up workday (调休上班) for one. */
export interface ShippedDay {
  workday: boolean;
  name: string;
  nameEn: string;
}

/**
 * The package's data (not its date functions, so that an administrator's entries can override
 * days): `holidays` are rest days, `workdays` the make-up working days (调休) on weekends. Its
 * `inLieuDays` (weekdays off in lieu) are among the holidays already. Values read
 * "Spring Festival,春节,4".
 */
const data: { holidays: Record<string, string>; workdays: Record<string, string> } = shippedData;

function shippedDays(): Map<string, ShippedDay> {
  const days = new Map<string, ShippedDay>();
  const add = (entries: Record<string, string>, workday: boolean) => {
    for (const [day, text] of Object.entries(entries)) {
      const [nameEn = '', name = nameEn] = text.split(',');
      days.set(day, { workday, name, nameEn });
    }
  };
  add(data.holidays, false);
  add(data.workdays, true);
  return days;
}

export const shippedCalendar: ReadonlyMap<string, ShippedDay> = shippedDays();

/** The years the package knows in full (2004–2026 in chinese-days 1.5.7). */
export const shippedYears: { readonly first: number; readonly last: number } = (() => {
  const years = [...shippedCalendar.keys()].map((day) => Number(day.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

export function isShippedYear(year: number): boolean {
  return year >= shippedYears.first && year <= shippedYears.last;
}
