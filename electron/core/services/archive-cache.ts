import { lastAuditEvent } from '../../../db/repositories/audit';
import type { Db } from '../../../db/open';

/** Kept values as of the archive now. */
export interface CacheView<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

/**
 * Values worked out from the archive (a count, how many dossiers hold a search token), kept
 * until it changes. Every change, from any front door or process, writes an audit event in its
 * own transaction (the handler wrapper guarantees it), so the newest event id tells whether a
 * kept value is still true – one indexed lookup instead of the work again. At most `entries`
 * values are kept, the oldest dropped first.
 */
export class UntilArchiveChanges<V> {
  private readonly kept = new WeakMap<Db, { head: number; values: Map<string, V> }>();

  constructor(private readonly entries: number) {}

  /** The values kept for the archive as it is now (none, if it changed since they were kept). */
  current(db: Db): CacheView<V> {
    const head = lastAuditEvent(db)?.id ?? 0;
    let cache = this.kept.get(db);
    if (!cache || cache.head !== head) {
      cache = { head, values: new Map<string, V>() };
      this.kept.set(db, cache);
    }
    const { values } = cache;
    return {
      get: (key) => values.get(key),
      set: (key, value) => {
        values.delete(key);
        values.set(key, value);
        if (values.size > this.entries) values.delete(values.keys().next().value as string);
      },
    };
  }
}
