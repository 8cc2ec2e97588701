import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../../db/connection';
import { applyKey } from '../../../db/raw-key';
import { findDamagedStructures } from './damaged-structures';
import type { PageCheckInput, PageCheckResult } from './page-check';

/**
 * The page check's thread: a read-only connection of its own reads every page of the database
 * (SQLite's quick_check; each page's HMAC is checked as it is decrypted) while the window goes on.
 */
const input = workerData as PageCheckInput;
const sqlite = openSqlite(input.file, { readonly: true, fileMustExist: true });
let result: PageCheckResult;
try {
  applyKey(sqlite, input.key);
  input.key.fill(0);
  sqlite.pragma('temp_store = MEMORY');
  // Every page is read once: a small cache, not the window's working set.
  sqlite.pragma('cache_size = -8192');
  let problems: string[];
  try {
    problems = (sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  result = { problems, structures: problems.length > 0 ? findDamagedStructures(sqlite) : [] };
} catch (error) {
  result = { problems: [], structures: [], failed: error instanceof Error ? error.message : String(error) };
} finally {
  sqlite.close();
}
parentPort?.postMessage(result);
