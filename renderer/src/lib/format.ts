import dayjs from 'dayjs';

/** A stored ISO time in the workstation's local time, to the minute. */
export function formatDateTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}
