import { openArchiveDatabase } from '../../../../db/open';
import { readArchiveMeta } from '../../../../db/repositories/meta';
import { findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import { archiveState, type ArchivePaths } from '../../vault/archive-files';
import { openSlot, readKeySlotFile } from '../../vault/key-slots';
import { closeArchive, type OpenedArchive } from '../../vault/opened-archive';
import { deriveSubkey } from '../../vault/subkeys';

/**
 * Sign-in: the user's key slot gives the data key, the data key opens the database. A wrong
 * password fails at the slot, before anything on disk is touched.
 */
export async function unlockArchive(paths: ArchivePaths, login: string, password: string, migrationsDir: string): Promise<{ archive: OpenedArchive; user: UserRecord }> {
  const state = archiveState(paths);
  if (state === 'missing') throw new AppError('ARCHIVE_NOT_FOUND');
  if (state === 'incomplete') throw new AppError('ARCHIVE_INCOMPLETE');

  const slotFile = readKeySlotFile(paths.keySlots);
  const dataKey = await openSlot(slotFile, login, password);
  const dbKey = deriveSubkey(dataKey, 'database');
  let archive: OpenedArchive | undefined;
  try {
    const database = openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir });
    archive = { paths, archiveId: slotFile.archiveId, database, dataKey };
    if (readArchiveMeta(database.db).archiveId !== slotFile.archiveId) throw new AppError('WRONG_KEY');
    const user = findUserByLogin(database.db, normalizeLogin(login));
    // A slot without an active user (left over, or the user was disabled) does not sign anyone in.
    if (!user || user.status !== 'active') throw new AppError('WRONG_PASSWORD');
    return { archive, user };
  } catch (error) {
    if (archive) closeArchive(archive);
    else dataKey.fill(0);
    throw error;
  } finally {
    dbKey.fill(0);
  }
}
