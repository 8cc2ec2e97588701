import Database from 'better-sqlite3';
import { archivePaths } from '../../electron/core/vault/archive-files';
import { openSlot, readKeySlotFile } from '../../electron/core/vault/key-slots';
import { deriveSubkey } from '../../electron/core/vault/subkeys';
import { rawKeyLiteral } from '../../db/raw-key';

/**
 * Test-only: opens an archive's database directly with a user's password, bypassing the core –
 * the way an insider with the key could, to prove that tampering is detected.
 */
export async function openRawDatabase(dataDir: string, login: string, password: string): Promise<Database.Database> {
  const paths = archivePaths(dataDir);
  const dataKey = await openSlot(readKeySlotFile(paths.keySlots), login, password);
  const sqlite = new Database(paths.database, { fileMustExist: true });
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.key(rawKeyLiteral(deriveSubkey(dataKey, 'database')));
  return sqlite;
}
