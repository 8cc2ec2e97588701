import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
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
 * The form keeps the text, so a day saved is exactly the day shown. What was typed counts the
 * moment the field is left – the picker itself takes it a few frames later, after a click on 保存
 * has already checked the form; typed away, the day is cleared. Only keystrokes count: the day the
 * pointer rests on in the calendar, which the picker previews in the field, is no choice.
 */
export function DateInput({ value, onChange, testId, placeholder, className }: Props) {
  const typed = useRef<string | null>(null);
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <span
      className={`date-field ${className ?? 'full-width'}`}
      onInput={(event) => {
        typed.current = (event.target as HTMLInputElement).value;
      }}
    >
      <DatePicker
        className="full-width"
        format={DAY_FORMATS}
        value={day?.isValid() ? day : null}
        onChange={(next: Dayjs | null) => {
          typed.current = null;
          onChange?.(next ? next.format('YYYY-MM-DD') : null);
        }}
        onBlur={() => {
          const text = typed.current;
          typed.current = null;
          if (text === null) return;
          if (text.trim() === '') {
            if (value) onChange?.(null);
            return;
          }
          const next = typedDay(text);
          if (next && next !== value) onChange?.(next);
        }}
        placeholder={placeholder ?? 'YYYY-MM-DD'}
        data-testid={testId}
      />
    </span>
  );
}
