import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/open';
import * as schema from '../../db/schema';
import { openRawDatabase } from './raw-archive';

/** Test-only: the archive's database as the core's repositories take it, opened beside the core with a user's password. */
export async function openRawDb(dataDir: string, login: string, password: string): Promise<Db> {
  return drizzle(await openRawDatabase(dataDir, login, password), { schema });
}
