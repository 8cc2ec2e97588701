import type { Db } from './open';

/**
 * Something made once per open database – a prepared statement on a hot path (a search, an
 * import row), where building and preparing the query on every call would cost more than running it.
 */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}
