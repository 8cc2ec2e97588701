import { statSync } from 'node:fs';
import { openReaderDatabase, type ArchiveDatabase } from '../../../db/open';
import type { ArchivePaths } from './archive-files';
import { deriveSubkey } from './subkeys';

/** An unlocked archive: the open database and the data key, held only while a session lasts. */
export interface OpenedArchive {
  readonly paths: ArchivePaths;
  readonly archiveId: string;
  readonly database: ArchiveDatabase;
  readonly dataKey: Buffer;
  /** The database file as opened (device and inode): another file put in its place is noticed. */
  readonly file?: { dev: number; ino: number };
  /** A read-only second connection, opened when first needed (readerOf). */
  reader?: ArchiveDatabase;
}

/**
 * The connection that reads beside this program's own long write: it sees the last commit. Opened
 * once per session, closed with the archive.
 */
export function readerOf(archive: OpenedArchive): ArchiveDatabase {
  if (!archive.reader) {
    const key = deriveSubkey(archive.dataKey, 'database');
    try {
      archive.reader = openReaderDatabase(archive.paths.database, key);
    } finally {
      key.fill(0);
    }
  }
  return archive.reader;
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
    try {
      archive.reader?.close();
    } finally {
      archive.database.close();
    }
  } finally {
    archive.dataKey.fill(0);
  }
}
