import { lastAuditEvent } from '../../../../db/repositories/audit';
import type { Db } from '../../../../db/open';

const ENTRIES = 64;
const caches = new WeakMap<Db, Map<string, { head: number; count: number }>>();

/** A count as the cache knows it (`known`, undefined if it does not) and the way to keep a fresh one. */
export interface CountSlot {
  known: number | undefined;
  keep(count: number): void;
}

/**
 * A count of the catalogue, kept until the archive changes. Every change, from any front door
 * or process, writes an audit event in its own transaction (the handler wrapper guarantees it),
 * so the newest event id tells whether a count is still true – one indexed lookup instead of
 * counting 200,000 rows for each first page.
 */
export function countSlot(db: Db, key: string): CountSlot {
  const head = lastAuditEvent(db)?.id ?? 0;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map<string, { head: number; count: number }>();
    caches.set(db, cache);
  }
  const entries = cache;
  const hit = entries.get(key);
  return {
    known: hit && hit.head === head ? hit.count : undefined,
    keep: (count) => {
      entries.delete(key);
      entries.set(key, { head, count });
      if (entries.size > ENTRIES) entries.delete(entries.keys().next().value as string);
    },
  };
}

/** A slot that knows nothing and keeps nothing: counts that must not be cached (the index is being rebuilt). */
export const UNCACHED: CountSlot = { known: undefined, keep: () => undefined };
