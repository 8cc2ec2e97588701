import type { ArchiveDatabase } from '../../../db/open';
import type { ArchivePaths } from './archive-files';

/** An unlocked archive: the open database and the data key, held only while a session lasts. */
export interface OpenedArchive {
  readonly paths: ArchivePaths;
  readonly archiveId: string;
  readonly database: ArchiveDatabase;
  readonly dataKey: Buffer;
}

/** Closes the database and wipes the data key from memory. */
export function closeArchive(archive: OpenedArchive): void {
  try {
    archive.database.close();
  } finally {
    archive.dataKey.fill(0);
  }
}
