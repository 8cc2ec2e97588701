import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DAY_FORMATS, typedDay } from '../lib/typed-day';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  testId?: string;
  placeholder?: string;
  className?: string;
}

/**
 * A day as the core takes it (YYYY-MM-DD), picked from a calendar in the UI's language or typed.
 * The form keeps the text, so a day saved is exactly the day shown. A typed day counts the moment
 * the field is left: the picker itself takes it a few frames later, after a click on 保存 has
 * already checked the form.
 */
export function DateInput({ value, onChange, testId, placeholder, className }: Props) {
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      className={className ?? 'full-width'}
      format={DAY_FORMATS}
      value={day?.isValid() ? day : null}
      onChange={(next: Dayjs | null) => onChange?.(next ? next.format('YYYY-MM-DD') : null)}
      onBlur={(event) => {
        const typed = typedDay((event.target as HTMLInputElement).value);
        if (typed && typed !== value) onChange?.(typed);
      }}
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      data-testid={testId}
    />
  );
}
