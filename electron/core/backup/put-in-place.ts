import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openArchiveDatabase } from '../../../db/open';
import { fsyncDirectory } from '../fs/atomic-write';
import { isRunning } from '../fs/process-running';
import { writeCurrentHighWaterMark } from '../integrity/rollback-check';
import { archivePaths, databaseFiles } from '../vault/archive-files';
import { deriveSubkey } from '../vault/subkeys';
import { ENTRY } from './backup-format';
import type { BackupKeys } from './check-backup';

/** Where a restore unpacks inside the data folder until every check has passed (named after the process, so a crashed one's is recognised). */
export const RESTORING = /^\.restoring-(\d+)$/;
export const restoringFolder = (dataDir: string, pid: number): string => join(dataDir, `.restoring-${pid}`);

/**
 * What a restore cut short while it put the parts in place leaves (the program killed, the power
 * gone): a database, maybe scans, no key slots – the folder would read as an incomplete archive and
 * refuse every further restore. The restore's own folder, with the key slots still in it, proves that
 * nothing else was there (a restore goes only into an empty folder), so the parts go again and the
 * folder is empty, ready for the restore to be done again. A finished restore's leftover folder goes
 * too. A running restore's folder is left alone.
 */
export function settleInterruptedRestore(dataDir: string): void {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const paths = archivePaths(dataDir);
  for (const name of names) {
    const restoring = RESTORING.exec(name);
    if (!restoring || isRunning(Number(restoring[1]))) continue;
    const folder = join(dataDir, name);
    if (!existsSync(paths.keySlots) && existsSync(join(folder, ENTRY.keySlots))) {
      for (const part of [...databaseFiles(paths), paths.scans, paths.highWaterMark]) rmSync(part, { recursive: true, force: true });
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Moves a checked restore's parts from `folder` into the data folder: the database and the scans,
 * then a high-water mark of the restored state (a deliberate restore is no rollback; an older copy
 * put in place by hand later still is), and the key slots last – they mark a whole archive, so a
 * restore cut short is never taken for one.
 */
export function putRestoredInPlace(folder: string, dataDir: string, keys: BackupKeys): void {
  const paths = archivePaths(dataDir);
  renameSync(join(folder, ENTRY.database), paths.database);
  // A backup of an archive without scans has none to move.
  if (existsSync(join(folder, 'scans'))) renameSync(join(folder, 'scans'), paths.scans);
  fsyncDirectory(dataDir);
  const databaseKey = deriveSubkey(keys.dataKey, 'database');
  try {
    const database = openArchiveDatabase({ file: paths.database, key: databaseKey, migrationsDir: keys.migrationsDir });
    try {
      writeCurrentHighWaterMark({ paths, archiveId: keys.archiveId, database, dataKey: Buffer.from(keys.dataKey.buffer, keys.dataKey.byteOffset, keys.dataKey.byteLength) });
    } finally {
      database.close();
    }
  } finally {
    databaseKey.fill(0);
  }
  renameSync(join(folder, ENTRY.keySlots), paths.keySlots);
  fsyncDirectory(dataDir);
  rmSync(folder, { recursive: true, force: true });
}
