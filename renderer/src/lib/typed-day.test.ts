import { describe, expect, it } from 'vitest';
import { typedDay } from './typed-day';

describe('a day typed into a date field', () => {
  it('takes the ways clerks write a day, and nothing that is no day', () => {
    expect(['2026-11-02', '2026/11/2', '2026.11.2', '20261102', '2026年11月2日', ' 2026-11-2 '].map(typedDay)).toEqual(Array(6).fill('2026-11-02'));
    expect(['2026-02-30', '2026-13-01', '11/2/2026', '2026-11', '', '昨天'].map(typedDay)).toEqual(Array(6).fill(null));
  });
});
