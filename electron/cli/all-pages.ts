/** One page of a keyset-paged channel (`dossier:list`, `customer:list`, `audit:list`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a paged channel, up to `limit`: pages of at most `pageSize` are asked for, each
 * from where the last one ended.
 */
export async function allPages<T>(fetch: (cursor: string | undefined, size: number) => Promise<Page<T>>, pageSize: number, limit = Number.POSITIVE_INFINITY): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor, Math.min(pageSize, limit - items.length));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < limit);
  return items;
}
