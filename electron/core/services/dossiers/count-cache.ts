import { lastAuditEvent } from '../../../../db/repositories/audit';
import type { Db } from '../../../../db/open';

const ENTRIES = 64;
const caches = new WeakMap<Db, Map<string, { head: number; count: number }>>();

/**
 * A count of the catalogue, kept until the archive changes. Every change, from any front door
 * or process, writes an audit event in its own transaction (the handler wrapper guarantees it),
 * so the newest event id tells whether a count is still true – one indexed lookup instead of
 * counting 200,000 rows for each first page.
 */
export function cachedCount(db: Db, key: string, count: () => number): number {
  const head = lastAuditEvent(db)?.id ?? 0;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map<string, { head: number; count: number }>();
    caches.set(db, cache);
  }
  const hit = cache.get(key);
  if (hit && hit.head === head) return hit.count;
  const value = count();
  cache.delete(key);
  cache.set(key, { head, count: value });
  if (cache.size > ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
