import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** The first is how a day is shown; the others are how clerks also type one (2026/11/2, 2026.11.2, 20261102, 2026年11月2日). */
const FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日', 'YYYY-M-D'];

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
  placeholder?: string;
  className?: string;
}

/**
 * A day as the core takes it (YYYY-MM-DD), picked from a calendar in the UI's language or typed.
 * The form keeps the text, so a day saved is exactly the day shown.
 */
export function DateInput({ value, onChange, testId, placeholder, className }: Props) {
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      className={className ?? 'full-width'}
      format={FORMATS}
      value={day?.isValid() ? day : null}
      onChange={(next: Dayjs | null) => onChange?.(next ? next.format('YYYY-MM-DD') : null)}
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      data-testid={testId}
    />
  );
}
