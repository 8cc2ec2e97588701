import { describe, expect, it } from 'vitest';
import { idleAdvice } from './idle-warning';

const MINUTE = 60_000;

describe('the warning before the idle lock', () => {
  const at = (left: number, more: Partial<Parameters<typeof idleAdvice>[0]> = {}) => idleAdvice({ now: 1_000_000, due: 1_000_000 + left, periodMs: 15 * MINUTE, lastActivity: 0, lastTouch: 0, ...more });

  it('stays quiet until a minute is left, then counts the seconds down', () => {
    expect(at(2 * MINUTE)).toEqual({ kind: 'none' });
    expect(at(60_001)).toEqual({ kind: 'none' });
    expect(at(60_000)).toEqual({ kind: 'warn', seconds: 60 });
    expect(at(1_500)).toEqual({ kind: 'warn', seconds: 2 });
    expect(at(-5_000)).toEqual({ kind: 'warn', seconds: 0 });
  });

  it('tells the core instead of warning when the person was at work since it last heard', () => {
    expect(at(30_000, { lastActivity: 900_000, lastTouch: 800_000 })).toEqual({ kind: 'touch' });
    expect(at(30_000, { lastActivity: 800_000, lastTouch: 900_000 })).toEqual({ kind: 'warn', seconds: 30 });
    // A click that made a call of its own is known to the core already: its lock moment is after it.
    expect(at(30_000, { periodMs: 15 * MINUTE, lastActivity: 1_030_000 - 15 * MINUTE, lastTouch: 0 })).toEqual({ kind: 'warn', seconds: 30 });
    expect(at(30_000, { periodMs: 15 * MINUTE, lastActivity: 1_030_001 - 15 * MINUTE + 1, lastTouch: 0 })).toEqual({ kind: 'touch' });
  });

  it('warns for half the period when the lock comes after a single minute', () => {
    expect(at(31_000, { periodMs: MINUTE })).toEqual({ kind: 'none' });
    expect(at(30_000, { periodMs: MINUTE })).toEqual({ kind: 'warn', seconds: 30 });
  });
});
