import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveStatus } from '../../../shared/contract';

/** The files of one archive in its data folder. */
export interface ArchivePaths {
  dataDir: string;
  database: string;
  keySlots: string;
  /** Wrong-password counters and sealed failed attempts (see signin-state.ts). */
  signinState: string;
  /** Files on their way in, encrypted, while a session lasts (see staging/staging-area.ts). */
  staging: string;
}

export function archivePaths(dataDir: string): ArchivePaths {
  return { dataDir, database: join(dataDir, 'archive.db'), keySlots: join(dataDir, 'keyslots.json'), signinState: join(dataDir, 'signin-state.json'), staging: join(dataDir, 'staging') };
}

/**
 * The key slot file is written last when an archive is created, so it marks a complete archive;
 * a database without it can never be opened (its key existed only in memory) and is reported,
 * never deleted automatically.
 */
export function archiveState(paths: ArchivePaths): ArchiveStatus['state'] {
  if (existsSync(paths.keySlots)) return 'ready';
  return existsSync(paths.database) ? 'incomplete' : 'missing';
}

/** SQLite's companion files of the database. */
export function databaseFiles(paths: ArchivePaths): string[] {
  return ['', '-wal', '-shm', '-journal'].map((suffix) => `${paths.database}${suffix}`);
}
