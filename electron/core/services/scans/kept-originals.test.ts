import { afterEach, describe, expect, it, vi } from 'vitest';
import { COPIES_OUT, KEEP_MS, KeptOriginals } from './kept-originals';

const bytes = (size: number, fill = 7) => Buffer.alloc(size, fill);

afterEach(() => vi.useRealTimers());

describe('kept originals', () => {
  it('keeps within its budget, letting the least recently used go first; a file larger than the budget is lent but not kept', () => {
    const kept = new KeptOriginals(100);
    kept.keep('a', bytes(40));
    kept.keep('b', bytes(40));
    expect(kept.get('a')).toBeDefined(); // a is now the more recent
    kept.keep('c', bytes(40));
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')?.bytes.length).toBe(40);
    expect(kept.get('c')?.bytes.length).toBe(40);
    expect(kept.keptBytes).toBe(80);
    const huge = kept.keep('d', bytes(101));
    expect(huge.bytes.length).toBe(101);
    expect(kept.get('d')).toBeUndefined();
    expect(kept.keptBytes).toBe(80);
  });

  it('lends at most COPIES_OUT copies at a time; the next waits for one to come back', async () => {
    const file = new KeptOriginals().keep('a', bytes(16, 3));
    const copies = await Promise.all(Array.from({ length: COPIES_OUT }, () => file.lend()));
    let third = false;
    const next = file.lend().then((copy) => {
      third = true;
      return copy;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBe(false);
    copies[0]?.release();
    const copy = await next;
    expect(third).toBe(true);
    // A copy is the thread's own: handing it over (or changing it) leaves the kept bytes as they were.
    copy.bytes.fill(0);
    expect(file.bytes.every((b) => b === 3)).toBe(true);
  });

  it('lets a file go KEEP_MS after its last use; clearing (the session ends) zeroes what was kept', () => {
    vi.useFakeTimers();
    const kept = new KeptOriginals();
    kept.keep('a', bytes(8));
    const b = kept.keep('b', bytes(8));
    vi.advanceTimersByTime(KEEP_MS - 1);
    expect(kept.get('a')).toBeDefined();
    vi.advanceTimersByTime(KEEP_MS - 1);
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toBeDefined();
    const a = kept.get('a');
    kept.clear();
    expect(kept.get('a')).toBeUndefined();
    expect(kept.keptBytes).toBe(0);
    expect(a?.bytes.every((x) => x === 0)).toBe(true);
    // A file let go before (by time) stays whole for a request that still holds it.
    expect(b.bytes.every((x) => x === 7)).toBe(true);
  });
});
