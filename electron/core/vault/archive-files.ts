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
  /** The sealed record of how far the archive has got (see integrity/high-water-mark.ts). */
  highWaterMark: string;
  /** Present while damage seen in the database has not been repaired (see integrity/damage-record.ts). */
  damageRecord: string;
  /** Present while a program holds the archive for a long write (see integrity/long-write-notice.ts). */
  longWrite: string;
  /** Where the command line's page check goes on (see integrity/rolling-page-check.ts). */
  pageCheckCursor: string;
  /** The stored scans, encrypted, each under its content address (see attachments/file-store.ts). */
  scans: string;
}

export function archivePaths(dataDir: string): ArchivePaths {
  return { dataDir, database: join(dataDir, 'archive.db'), keySlots: join(dataDir, 'keyslots.json'), signinState: join(dataDir, 'signin-state.json'), staging: join(dataDir, 'staging'), highWaterMark: join(dataDir, 'high-water.json'), damageRecord: join(dataDir, 'damage.json'), longWrite: join(dataDir, 'writing.json'), pageCheckCursor: join(dataDir, 'page-check.json'), scans: join(dataDir, 'scans') };
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
