import { accessSync, closeSync, constants, openSync, rmSync, statfsSync } from 'node:fs';
import type { ReadOnlyReason } from '../../../db/open';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ArchivePaths } from './archive-files';

/** Below this, SQLite cannot even make its shared-memory file (32 KiB) and a first WAL frame. */
const MIN_FREE_BYTES = 256 * 1024;

/** Whether the archive must be opened for reading only, and why; null: it can be written. */
export function readOnlyReason(paths: ArchivePaths): ReadOnlyReason | null {
  if (!isFolderWritable(paths)) return 'read-only-folder';
  const { bavail, bsize } = statfsSync(paths.dataDir);
  return bavail * bsize < MIN_FREE_BYTES ? 'disk-full' : null;
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * Whether this program may write the data folder: the database file writable, and a file can be
 * made beside it (a read-only medium or share says EROFS even to an administrator, whom the
 * permission bits do not stop).
 */
function isFolderWritable(paths: ArchivePaths): boolean {
  const probe = join(paths.dataDir, `.write-probe-${randomBytes(6).toString('hex')}`);
  try {
    accessSync(paths.database, constants.W_OK);
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
    return true;
  } catch (error) {
    if (READ_ONLY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}
