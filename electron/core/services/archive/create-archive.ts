import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { openArchiveDatabase, type Db } from '../../../../db/open';
import { writeArchiveMeta } from '../../../../db/repositories/meta';
import { insertDepartment } from '../../../../db/repositories/departments';
import { findUserById, insertUser, setKeySlotMac, type UserRecord } from '../../../../db/repositories/users';
import { defaultSettings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeLogin } from '../../../../shared/schemas';
import type { KdfCost } from '../../vault/kdf';
import { archiveState, databaseFiles, type ArchivePaths } from '../../vault/archive-files';
import { createSlot, newKeySlotFile, slotMac, withSlot, writeKeySlotFile } from '../../vault/key-slots';
import { closeArchive, type OpenedArchive } from '../../vault/opened-archive';
import { writeFileAtomic } from '../../fs/atomic-write';
import { initialiseSignIn } from '../session/sign-in';
import { deriveSubkey } from '../../vault/subkeys';

export interface NewArchive {
  admin: { login: string; displayName: string; password: string };
}

export interface CreateArchiveOptions {
  migrationsDir: string;
  appVersion: string;
  kdfCost: KdfCost | undefined;
  now: Date;
  /** Runs inside the creation transaction, e.g. to record the first audit event. */
  onCreated: (db: Db, admin: UserRecord, archiveId: string) => void;
}

const exists = (): AppError => new AppError('CONFLICT', { zh: '数据文件夹中已有档案库，不会覆盖', en: 'The data folder already holds an archive and will not be overwritten' });

/** The department every archive starts with; the administrator belongs to it. */
export const ARCHIVE_OFFICE = { code: 'DAS', name: '档案室' };

/**
 * First run: a random 256-bit data key, the encrypted database with its schema, the archive
 * office and the administrator (with the top clearance), then the administrator's key slot. The database file is claimed with an
 * exclusive create, so of two simultaneous creations exactly one proceeds; the slot file is
 * written last – it is what makes the folder an archive. On failure only the files this call
 * created are removed.
 */
export async function createArchive(paths: ArchivePaths, input: NewArchive, options: CreateArchiveOptions): Promise<{ archive: OpenedArchive; admin: UserRecord }> {
  const state = archiveState(paths);
  if (state === 'ready') throw exists();
  if (state === 'incomplete') throw new AppError('ARCHIVE_INCOMPLETE');

  const folderIsNew = !existsSync(paths.dataDir);
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  if (folderIsNew && process.platform !== 'win32') chmodSync(paths.dataDir, 0o700);
  claimDatabaseFile(paths.database);

  const dataKey = randomBytes(32);
  const dbKey = deriveSubkey(dataKey, 'database');
  let archive: OpenedArchive | undefined;
  let slotsWritten = false;
  try {
    const archiveId = randomUUID();
    const login = normalizeLogin(input.admin.login);
    const slotFile = newKeySlotFile(archiveId);
    const slot = await createSlot(slotFile, login, input.admin.password, dataKey, options.kdfCost);
    const database = openArchiveDatabase({ file: paths.database, key: dbKey, migrationsDir: options.migrationsDir, create: true });
    archive = { paths, archiveId, database, dataKey };
    const at = options.now.toISOString();
    let signinState = '';
    const admin = database.sqlite
      .transaction(() => {
        writeArchiveMeta(database.db, { archiveId, createdAt: at, createdByBuild: options.appVersion });
        const departmentId = insertDepartment(database.db, { ...ARCHIVE_OFFICE, parentId: null, at });
        const id = insertUser(database.db, {
          login,
          displayName: input.admin.displayName,
          roles: ['admin'],
          departmentId,
          clearance: defaultSettings.levels.length - 1,
          mustChangePassword: false,
          createdAt: at,
        });
        setKeySlotMac(database.db, id, slotMac(dataKey, archiveId, slot), at);
        signinState = initialiseSignIn(database.db, paths.signinState, defaultSettings);
        const record = findUserById(database.db, id);
        if (!record) throw new AppError('INTERNAL');
        options.onCreated(database.db, record, archiveId);
        return record;
      })
      .immediate();
    if (existsSync(paths.keySlots)) throw exists();
    slotsWritten = true;
    writeKeySlotFile(paths.keySlots, withSlot(slotFile, slot));
    writeFileAtomic(paths.signinState, signinState);
    return { archive, admin };
  } catch (error) {
    if (archive) closeArchive(archive);
    else dataKey.fill(0);
    const created = [...databaseFiles(paths), ...(slotsWritten ? [paths.keySlots, paths.signinState] : [])];
    for (const file of created) rmSync(file, { force: true });
    throw error;
  } finally {
    dbKey.fill(0);
  }
}

/**
 * Creates the empty database file exclusively (owner-only; SQLite gives the -wal and -shm files
 * the same mode). Whoever loses a race gets CONFLICT and touches nothing.
 */
function claimDatabaseFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
    throw error;
  }
}
