import { openArchiveDatabase } from '../../../../db/open';
import { readArchiveMeta } from '../../../../db/repositories/meta';
import { findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import { archiveState, type ArchivePaths } from '../../vault/archive-files';
import { readKeySlotFile, slotMacMatches, unlockSlot } from '../../vault/key-slots';
import { closeArchive, databaseFileIdentity, type OpenedArchive } from '../../vault/opened-archive';
import { deriveSubkey } from '../../vault/subkeys';
import { FIRST_PAGE_DAMAGED, isFirstPageDamage } from '../../integrity/first-page';
import { readOnlyReason } from '../../vault/folder-writable';
import { findRollback } from '../../integrity/rollback-check';
import { nameSignInDamage } from '../../integrity/sign-in-damage';

/**
 * Sign-in: the user's key slot gives the data key, the data key opens the database. A wrong
 * password fails at the slot, before anything on disk is touched; a slot that is not the one the
 * database recorded for the user (users.keySlotMac) is refused as KEY_SLOT_STALE.
 */
export interface UnlockOptions {
  /** How the user is found: by the login index, or (to repair that index) without it. */
  findUser?: (db: Db, login: string) => UserRecord | null;
}

export async function unlockArchive(paths: ArchivePaths, login: string, password: string, migrationsDir: string, options: UnlockOptions = {}): Promise<{ archive: OpenedArchive; user: UserRecord }> {
  const state = archiveState(paths);
  if (state === 'missing') throw new AppError('ARCHIVE_NOT_FOUND');
  if (state === 'incomplete') throw new AppError('ARCHIVE_INCOMPLETE');

  const slotFile = readKeySlotFile(paths.keySlots);
  const { dataKey, opened } = await unlockSlot(slotFile, login, password);
  const dbKey = deriveSubkey(dataKey, 'database');
  let archive: OpenedArchive | undefined;
  try {
    const database = openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir, readOnly: readOnlyReason(paths) });
    const file = database.readOnly ? undefined : databaseFileIdentity(paths.database);
    archive = { paths, archiveId: slotFile.archiveId, database, dataKey, ...(file ? { file } : {}) };
    if (readArchiveMeta(database.db).archiveId !== slotFile.archiveId) throw new AppError('WRONG_KEY');
    const user = (options.findUser ?? findUserByLogin)(database.db, normalizeLogin(login));
    // A slot without an active user (left over, or the user was disabled) does not sign anyone in.
    if (!user || user.status !== 'active') throw new AppError('WRONG_PASSWORD');
    // The slot must be the one the database recorded: an old keyslots.json put back would
    // otherwise bring back a password that was changed (or an account's old access).
    // A database rolled back to before the slot was written holds the older record: that is the
    // rollback (the session opens for reading and says so), not a stale slot.
    if (!opened.some((slot) => slotMacMatches(dataKey, slotFile.archiveId, slot, user.keySlotMac)) && !databaseIsOlder(archive)) throw new AppError('KEY_SLOT_STALE');
    return { archive, user };
  } catch (error) {
    if (archive) {
      const named = nameSignInDamage(error, archive.database.sqlite);
      closeArchive(archive);
      throw named ?? error;
    }
    try {
      if (isFirstPageDamage(error, { paths, dataKey, archiveId: slotFile.archiveId }, dbKey)) throw new AppError('ARCHIVE_DAMAGED', FIRST_PAGE_DAMAGED, { cause: error });
    } finally {
      dataKey.fill(0);
    }
    throw error;
  } finally {
    dbKey.fill(0);
  }
}

/** Only a database proven older than the sealed mark excuses a slot mismatch – not a mark someone removed. */
function databaseIsOlder(archive: OpenedArchive): boolean {
  const kind = findRollback(archive)?.kind;
  return kind === 'behind' || kind === 'forked';
}
