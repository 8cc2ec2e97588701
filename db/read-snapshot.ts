import type { Db } from './open';

/**
 * Runs `work` – which may pause between steps – on one consistent view of the database: a read
 * transaction (no write lock), so what another program writes meanwhile is not half seen. The
 * caller must not write inside it.
 */
export async function inReadSnapshot<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const sqlite = db.$client;
  sqlite.exec('BEGIN DEFERRED');
  try {
    return await work();
  } finally {
    if (sqlite.open && sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}
