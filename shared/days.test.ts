import { describe, expect, it } from 'vitest';
import { isCalendarDay, isTimeBound } from './days';

describe('days', () => {
  it('are real days of the calendar', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].filter(isCalendarDay)).toHaveLength(3);
    expect(['2026-02-29', '2026-02-30', '2026-13-45', '2026-00-10', '2026-04-31', '2026-1-5', '20260105', ''].filter(isCalendarDay)).toEqual([]);
  });

  it('bound a period as a day or an exact time at a real hour of a real day', () => {
    const good = ['2026-02-28', '2026-02-28T23:59', '2026-02-28T23:59:59Z', '2026-02-28T08:00:00.123+08:00', '2026-02-28T08:00+0800'];
    expect(good.filter((text) => !isTimeBound(text))).toEqual([]);
    const bad = ['2026-02-30', '2026-13-45T10:00Z', '2026-02-28T24:00Z', '2026-02-28T23:60Z', '2026-02-28T23:59:60Z', '2026-02-28T1Z', '2026-02-28T10:00+25:00', '2026-02-28 10:00'];
    expect(bad.filter(isTimeBound)).toEqual([]);
  });
});
