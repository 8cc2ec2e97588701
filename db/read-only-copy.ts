import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * A database in a folder nobody may write to cannot be opened in place: SQLite's WAL mode needs
 * to create its `-shm` beside it. Reading then works on a private copy of the (still encrypted)
 * files in a temporary folder only the owner can enter, removed when the database closes.
 */
const PREFIX = 'dossierdesk-read-only-';

export interface ReadOnlyCopy {
  file: string;
  remove(): void;
}

export function makeReadOnlyCopy(database: string): ReadOnlyCopy {
  const folder = mkdtempSync(join(tmpdir(), PREFIX));
  const file = join(folder, basename(database));
  try {
    for (const suffix of ['', '-wal']) {
      if (existsSync(`${database}${suffix}`)) copyFileSync(`${database}${suffix}`, `${file}${suffix}`);
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}
