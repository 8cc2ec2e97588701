import { statSync } from 'node:fs';
import type { ArchiveDatabase } from '../../../db/open';
import type { ArchivePaths } from './archive-files';

/** An unlocked archive: the open database and the data key, held only while a session lasts. */
export interface OpenedArchive {
  readonly paths: ArchivePaths;
  readonly archiveId: string;
  readonly database: ArchiveDatabase;
  readonly dataKey: Buffer;
  /** The database file as opened (device and inode): another file put in its place is noticed. */
  readonly file?: { dev: number; ino: number };
}

/** The database file's identity now, to compare with the one opened. */
export function databaseFileIdentity(path: string): { dev: number; ino: number } | undefined {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return undefined;
  }
}

/** Whether the file at the database's path is no longer the one this archive opened (a private read-only copy never is). */
export function databaseFileReplaced(archive: OpenedArchive): boolean {
  if (!archive.file) return false;
  const now = databaseFileIdentity(archive.paths.database);
  return !now || now.dev !== archive.file.dev || now.ino !== archive.file.ino;
}

/** Closes the database and wipes the data key from memory. */
export function closeArchive(archive: OpenedArchive): void {
  try {
    archive.database.close();
  } finally {
    archive.dataKey.fill(0);
  }
}
