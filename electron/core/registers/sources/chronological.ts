/** Pages read at a time when a register streams. */
export const REGISTER_PAGE = 1000;

/**
 * A register's entries oldest first, from a query that pages newest first: the pages are read from
 * the last one backwards and each is turned round – a long register is never held whole.
 */
export function* chronological<T>(page: (offset: number, limit: number) => { items: T[]; total: number }): Generator<T> {
  const { total } = page(0, 0);
  for (let end = total; end > 0; end -= REGISTER_PAGE) {
    const start = Math.max(0, end - REGISTER_PAGE);
    const { items } = page(start, end - start);
    for (let i = items.length - 1; i >= 0; i -= 1) yield items[i] as T;
  }
}
