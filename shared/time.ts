const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in the local time of the machine that prints it, to the minute: 2026-11-22 09:30. */
export function formatLocalDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The same with seconds, for audit records. */
export function formatLocalTimestamp(date: Date): string {
  return `${formatLocalDateTime(date)}:${pad(date.getSeconds())}`;
}

/** `YYYY-MM-DD` as the start of that local day; an ISO time as itself. */
export function parseTimeBound(value: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return new Date(year, month - 1, endOfDay ? day + 1 : day);
  }
  return new Date(value);
}

/** For file names: 20261122-0935. */
export function fileStamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
}

/** The local day, YYYY-MM-DD. */
export function formatLocalDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
