import type { Db } from '../../../../db/open';
import { UntilArchiveChanges } from '../archive-cache';

/** A count as the cache knows it (`known`, undefined if it does not) and the way to keep a fresh one. */
export interface CountSlot {
  known: number | undefined;
  keep(count: number): void;
}

/** Counts of the catalogue as lists and searches ask for them (filters, query, who asks). */
const counts = new UntilArchiveChanges<number>(64);

/** The count kept under `key` while the archive has not changed – no counting 200,000 rows for each first page. */
export function countSlot(db: Db, key: string): CountSlot {
  const kept = counts.current(db);
  return { known: kept.get(key), keep: (count) => kept.set(key, count) };
}

/** A slot that knows nothing and keeps nothing: counts that must not be cached (the index is being rebuilt). */
export const UNCACHED: CountSlot = { known: undefined, keep: () => undefined };
