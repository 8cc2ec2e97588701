import { describe, expect, it } from 'vitest';
import { calendarFrom } from './working-days';

/** The shipped calendar alone, as a fresh archive has it. */
const shipped = calendarFrom({ entries: [], confirmedYears: [] });

/** The days from `from` to `to`, both included, that count as working days. */
function workdaysIn(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    const text = day.toISOString().slice(0, 10);
    if (shipped.isWorkday(text)) days.push(text);
  }
  return days;
}

describe('working days under the shipped calendar (chinese-days)', () => {
  it('2026 Spring Festival: Feb 15–23 off, the Saturdays Feb 14 and Feb 28 worked', () => {
    // Feb 2026: the 13th is a Friday. Saturday the 14th is a make-up workday, Sunday the 15th to Monday the 23rd are off.
    expect(workdaysIn('2026-02-12', '2026-03-02')).toEqual(['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-02']);
    expect(shipped.dayInfo('2026-02-17')).toEqual({ day: '2026-02-17', workday: false, name: '春节', source: 'package', confirmed: true });
    expect(shipped.dayInfo('2026-02-14')).toEqual({ day: '2026-02-14', workday: true, name: '春节', source: 'package', confirmed: true });
    expect(shipped.dayInfo('2026-02-12')).toEqual({ day: '2026-02-12', workday: true, name: null, source: 'weekend-rule', confirmed: true });

    // By hand: after Friday the 13th come Sat 14 (1), then – past the holiday – Tue 24 (2) and Wed 25 (3).
    expect(shipped.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(shipped.addWorkdays('2026-02-13', 3)).toBe('2026-02-25');
    // From inside the holiday, the first working day is the first one after it.
    expect(shipped.addWorkdays('2026-02-18', 1)).toBe('2026-02-24');
    // Across the make-up Saturday at its end: Thu 26 → Fri 27 (1), Sat 28 (2), Mon 2 March (3).
    expect(shipped.addWorkdays('2026-02-26', 2)).toBe('2026-02-28');
    expect(shipped.addWorkdays('2026-02-26', 3)).toBe('2026-03-02');
    // Backwards: the working day before Tue 24 is the make-up Saturday 14.
    expect(shipped.addWorkdays('2026-02-24', -1)).toBe('2026-02-14');
    expect(shipped.addWorkdays('2026-02-20', -2)).toBe('2026-02-13');
    expect(shipped.addWorkdays('2026-02-20', 0)).toBe('2026-02-20');
  });

  it('2026 National Day: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked (and Mid-Autumn Sep 25–27 off)', () => {
    expect(workdaysIn('2026-09-18', '2026-10-12')).toEqual([
      '2026-09-18',
      '2026-09-20',
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
    expect(shipped.dayInfo('2026-10-05')).toMatchObject({ workday: false, name: '国庆节', source: 'package' });
    expect(shipped.dayInfo('2026-09-20')).toMatchObject({ workday: true, name: '国庆节', source: 'package' });
    expect(shipped.dayInfo('2026-10-10')).toMatchObject({ workday: true, name: '国庆节', source: 'package' });

    // A new vehicle delivered Tue 29 Sep: its dossier is due 3 working days later – Wed 30, Thu 8, Fri 9 October.
    expect(shipped.addWorkdays('2026-09-29', 3)).toBe('2026-10-09');
    // Fri 18 Sep: Saturday 19 is off, Sunday 20 is worked.
    expect(shipped.addWorkdays('2026-09-18', 1)).toBe('2026-09-20');
    expect(shipped.addWorkdays('2026-09-30', 3)).toBe('2026-10-10');
    expect(shipped.addWorkdays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('working days late: after the deadline, up to and including the day it came; 0 when on time', () => {
    // Due Fri 13 Feb, handed over Wed 25: late by Sat 14, Tue 24 and Wed 25.
    expect(shipped.workdaysLate('2026-02-13', '2026-02-25')).toBe(3);
    // Due Sat 14 (make-up day), brought during the holiday: not a working day late.
    expect(shipped.workdaysLate('2026-02-14', '2026-02-23')).toBe(0);
    expect(shipped.workdaysLate('2026-02-25', '2026-02-25')).toBe(0);
    expect(shipped.workdaysLate('2026-02-25', '2026-02-20')).toBe(0);
    // Due Fri 9 Oct, returned Mon 12: Sat 10 (make-up) and Mon 12.
    expect(shipped.workdaysLate('2026-10-09', '2026-10-12')).toBe(2);
    // Across New Year: Wed 31 Dec 2025 → Mon 5 Jan 2026 (1–3 Jan off, Sun 4 Jan worked): 4 and 5 January.
    expect(shipped.workdaysLate('2025-12-31', '2026-01-05')).toBe(2);
    expect(shipped.addWorkdays('2025-12-31', 2)).toBe('2026-01-05');
    expect(shipped.addWorkdays('2026-01-05', -2)).toBe('2025-12-31');
  });

  it('beyond the shipped years only weekends are off, and the year is unconfirmed', () => {
    // 1 January 2027 is a Friday; nobody has entered 2027's notice.
    expect(shipped.dayInfo('2027-01-01')).toEqual({ day: '2027-01-01', workday: true, name: null, source: 'weekend-rule', confirmed: false });
    expect(shipped.isWorkday('2027-01-02')).toBe(false);
    expect(shipped.addWorkdays('2026-12-31', 2)).toBe('2027-01-04');
    expect(shipped.workdaysLate('2026-12-25', '2027-01-08')).toBe(10);
    expect(shipped.dayInfo('2003-10-01')).toMatchObject({ workday: true, source: 'weekend-rule', confirmed: false });
  });

  it('an administrator\'s entries override the shipped days, and an entered year can be confirmed', () => {
    const corrected = calendarFrom({
      entries: [
        { day: '2026-02-24', kind: 'holiday', name: '春节（公司加休）' },
        { day: '2026-02-14', kind: 'holiday', name: null },
        { day: '2027-01-01', kind: 'holiday', name: '元旦' },
      ],
      confirmedYears: [2027],
    });
    expect(corrected.addWorkdays('2026-02-13', 3)).toBe('2026-02-27');
    expect(corrected.workdaysLate('2026-02-13', '2026-02-25')).toBe(1);
    expect(corrected.dayInfo('2026-02-24')).toEqual({ day: '2026-02-24', workday: false, name: '春节（公司加休）', source: 'administrator', confirmed: true });
    expect(corrected.dayInfo('2027-01-01')).toEqual({ day: '2027-01-01', workday: false, name: '元旦', source: 'administrator', confirmed: true });
    expect(corrected.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('refuses what is not a real day', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-2-3', '20260203', '']) {
      expect(() => shipped.isWorkday(bad), bad).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
    expect(shipped.isWorkday('2028-02-29')).toBe(true);
    expect(() => shipped.addWorkdays('2026-02-13', 1.5)).toThrow();
  });

  it('is quick: a million due days and late counts', () => {
    const calendar = calendarFrom({ entries: [], confirmedYears: [] });
    const days = Array.from({ length: 1000 }, (_, i) => shipped.addWorkdays('2024-01-02', i));
    const started = performance.now();
    let late = 0;
    for (let round = 0; round < 500; round += 1) {
      for (const day of days) late += calendar.workdaysLate(calendar.addWorkdays(day, 3), '2026-06-30') > 0 ? 1 : 0;
    }
    const elapsed = performance.now() - started;
    expect(late).toBeGreaterThan(0);
    // About 0.3 s here for 500,000 of each; the bound only catches a walk over the days instead of a lookup.
    expect(elapsed).toBeLessThan(5000);
  });
});
