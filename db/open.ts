import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from './connection';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { AppError } from '../shared/errors';
import { migrate, refuseNewer, schemaVersion } from './migrate';
import { readMigrations } from './migrations-dir';
import { makeReadOnlyCopy } from './read-only-copy';
import { applyKey } from './raw-key';
import * as schema from './schema';

/** The drizzle handle on the archive database (with the underlying connection as `$client`). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface ArchiveDatabase {
  readonly db: Db;
  readonly sqlite: Database.Database;
  /** Schema version after opening (= migrations applied). */
  readonly schemaVersion: number;
  /** Why it was opened for reading only, from a private copy – or null: opened in place. */
  readonly readOnly: ReadOnlyReason | null;
  close(): void;
}

export interface OpenDatabaseOptions {
  file: string;
  /** 32-byte SQLCipher key, used raw: no key derivation runs on open. */
  key: Uint8Array;
  migrationsDir: string;
  /** Create the file if it does not exist (first run only). */
  create?: boolean;
  /** The data folder cannot be written: open a private copy for reading (see read-only-copy.ts). */
  readOnly?: ReadOnlyReason | null;
}

/** A folder nobody may write to, or a disk without room even for SQLite's shared-memory file. */
export type ReadOnlyReason = 'read-only-folder' | 'disk-full';

/**
 * Opens the encrypted archive database in a fixed order (ARCHITECTURE.md §4):
 * key → verify the key → pragmas → refuse a database from a newer build → migrate.
 */
export function openArchiveDatabase({ file, key, migrationsDir, create = false, readOnly = null }: OpenDatabaseOptions): ArchiveDatabase {
  if (!create && !existsSync(file)) throw new AppError('ARCHIVE_NOT_FOUND');
  const copy = readOnly ? readOnlyCopyOf(file) : null;
  const sqlite = openSqlite(copy?.file ?? file, { fileMustExist: !create });
  const close = () => {
    closeQuietly(sqlite);
    copy?.remove();
  };
  try {
    applyKey(sqlite, key);
    verifyKey(sqlite);
    applyPragmas(sqlite);
    const migrations = readMigrations(migrationsDir);
    refuseNewer(schemaVersion(sqlite), migrations.length);
    if (readOnly && schemaVersion(sqlite) < migrations.length) throw new AppError(readOnly === 'disk-full' ? 'DISK_FULL' : 'READ_ONLY', NEEDS_UPGRADE);
    migrate(sqlite, migrations);
    if (copy) sqlite.pragma('query_only = ON');
    return { db: drizzle(sqlite, { schema }), sqlite, schemaVersion: migrations.length, readOnly, close };
  } catch (error) {
    close();
    throw error;
  }
}

/**
 * A second, read-only connection for reading beside this program's own long write (an import in
 * one transaction on the first): in WAL mode it sees the last commit, never the write in progress.
 * The database is open already, so it is neither created nor migrated; its page cache is small.
 */
export function openReaderDatabase(file: string, key: Uint8Array): ArchiveDatabase {
  const sqlite = openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, key);
    verifyKey(sqlite);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma(`cache_size = -${READER_CACHE_KIB}`);
    sqlite.pragma('query_only = ON');
    return { db: drizzle(sqlite, { schema }), sqlite, schemaVersion: schemaVersion(sqlite), readOnly: null, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** The reader's page cache (32 MiB): a list page or a search beside an import, not the whole working set. */
const READER_CACHE_KIB = 32 * 1024;

function readOnlyCopyOf(file: string) {
  try {
    return makeReadOnlyCopy(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    throw new AppError('DISK_FULL', NO_ROOM_TO_READ, { cause: error });
  }
}

const NO_ROOM_TO_READ = {
  zh: '磁盘已满：连只读打开所需的临时副本也无法建立，请先释放空间',
  en: 'The disk is full: not even the temporary copy needed to open the archive for reading can be made; free some space first',
};

const NEEDS_UPGRADE = {
  zh: '数据文件夹不能写入（只读或磁盘已满），而档案库需要升级到本程序的版本才能打开；请在可写入时打开一次',
  en: 'The data folder cannot be written (read-only or the disk is full), and the archive must be upgraded to this version before it can be opened; open it once where it can be written',
};

/** With an encrypted file, "file is not a database" means the key is wrong – never that the file is corrupt. */
function verifyKey(sqlite: Database.Database): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_NOTADB')) throw new AppError('WRONG_KEY', undefined, { cause: error });
    if (isSqliteError(error, 'SQLITE_CORRUPT')) throw new AppError('ARCHIVE_DAMAGED', undefined, { cause: error });
    throw error;
  }
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed record survives a power cut, not only a crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Sorts and temporary tables stay in memory: SQLite's temp files would not be encrypted.
  sqlite.pragma('temp_store = MEMORY');
  // Every page read from disk has to be decrypted: a search confirming a thousand candidates
  // touches pages all over the text, the index and the table, so the cache holds the working set.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/** The page cache (192 MiB): the working set of searches in a 200,000-dossier archive. */
export const PAGE_CACHE_KIB = 192 * 1024;
/** The page cache while a bulk write runs (an import): it mostly holds pages waiting to be written. */
export const BULK_WRITE_CACHE_KIB = 64 * 1024;

/** Runs `work` with the smaller bulk-write page cache, then gives the cache back. */
export async function withBulkWriteCache<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  sqlite.pragma(`cache_size = -${BULK_WRITE_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    if (sqlite.open) sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  }
}

export function isSqliteError(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith(code);
}

function closeQuietly(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Closing must not fail because a checkpoint could not run (e.g. another process reads).
  }
  sqlite.close();
}
