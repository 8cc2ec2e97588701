import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openRawDatabase } from './raw-archive';

/**
 * Faults made by hand to a data folder, as a careless copy, a crash or a failing disk would make
 * them. Tests of integrity, backups and scans use them to prove that damage is noticed and named.
 */

/** Copies a data folder file by file, leaving out the files named in `without` (e.g. `archive.db-wal`). */
export function copyDataFolder(from: string, to: string, { without = [] }: { without?: readonly string[] } = {}): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isFile() && !without.includes(entry.name)) copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

/** Inverts one byte of a file, as a failing disk would. */
export function flipByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    if (readSync(fd, byte, 0, 1, offset) !== 1) throw new Error(`${file} has no byte at ${offset}`);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

export const PAGE_SIZE = 4096;

/** The administrator the test helpers (and the browser tests) create archives with. */
const TEST_ADMIN = { login: 'admin', password: 'admin-password-1' };

/** Flips a byte inside page `page` (1-based) of the database, past SQLCipher's salt. */
export function damagePage(dataDir: string, page: number): void {
  flipByte(join(dataDir, 'archive.db'), (page - 1) * PAGE_SIZE + 100);
}

/**
 * The database pages of a table or index (checkpointed into archive.db first, so a flip lands
 * where it is read), opened with a user's password as an insider could.
 */
export async function pagesOf(dataDir: string, structure: string, user: { login: string; password: string } = TEST_ADMIN): Promise<number[]> {
  const raw = await openRawDatabase(dataDir, user.login, user.password);
  try {
    raw.pragma('wal_checkpoint(TRUNCATE)');
    return (raw.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').all(structure) as { pageno: number }[]).map((r) => r.pageno);
  } finally {
    raw.close();
  }
}

export function hasFile(dataDir: string, name: string): boolean {
  return existsSync(join(dataDir, name));
}
