import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { processAlive } from './process-alive';

/**
 * A database in a folder nobody may write to cannot be opened in place: SQLite's WAL mode needs
 * to create its `-shm` beside it. Reading then works on a private copy of the (still encrypted)
 * files in a temporary folder only the owner can enter, removed when the database closes – or,
 * if the program was killed, by the next program to start (the folder's name carries its pid).
 */
const PREFIX = 'dossierdesk-read-only-';

export interface ReadOnlyCopy {
  file: string;
  remove(): void;
}

/** Removes the copies of programs that are no longer running. */
export function removeLeftoverReadOnlyCopies(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^dossierdesk-read-only-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}


export function makeReadOnlyCopy(database: string): ReadOnlyCopy {
  const folder = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
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
