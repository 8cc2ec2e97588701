import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../../db/connection';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../../db/open';
import { applyKey } from '../../../db/raw-key';
import * as schema from '../../../db/schema';
import { AppError } from '../../../shared/errors';
import { appendAuditEvent, type AuditActor, type FrontDoor } from '../audit/chain';
import { rebuildSearchIndex } from '../services/search/index-dossier';
import { databaseFiles } from '../vault/archive-files';
import type { OpenedArchive } from '../vault/opened-archive';
import { deriveSubkey } from '../vault/subkeys';
import { findDamagedStructures, isSearchIndexStructure, rebuildableIn } from './damaged-structures';
import { readDatabaseSalt, type HighWaterMark } from './high-water-mark';
import { databaseState, findRollback } from './rollback-check';
import { busyError, longWriteElsewhere } from './long-write-notice';

/**
 * A damaged search index – or any damaged index declared with CREATE INDEX – is built anew from
 * the records, in a repaired copy of the database that then takes the place of the damaged one. A damaged table cannot be dropped (dropping reads every
 * page of it), nor copied: so in a file copy its entries are removed from the schema by hand,
 * `VACUUM INTO` writes a new database from what is still reachable – the damaged pages stay
 * behind – and there the index tables are created again, filled from the records, the repair is
 * recorded, and the whole file is checked before anything replaces the original.
 */
export interface PreparedRepair {
  damaged: string[];
  dossiers: number;
  /** The repaired database's state, for the high-water mark written with the swap. */
  mark: HighWaterMark;
  /**
   * The archive was found rolled back (or its mark missing) before the repair: the mark stays as it
   * was, so the repaired archive still says so and the loss is still accepted or undone – a mark
   * written from the repaired copy would forget every number issued before the rollback.
   */
  keepMark: boolean;
  /** Puts the repaired database in place of the damaged one; the archive must be closed first. */
  swap(): void;
  discard(): void;
}

export function prepareSearchIndexRepair(archive: OpenedArchive, record: { actor: AuditActor; frontDoor: FrontDoor; at: Date }): PreparedRepair {
  const damaged = findDamagedStructures(archive.database.sqlite);
  if (damaged.length === 0) throw new AppError('CONFLICT', { zh: '数据库没有损坏，无需修复', en: 'The database is not damaged; there is nothing to repair' });
  const rebuildable = rebuildableIn(archive.database.sqlite);
  const records = damaged.filter((name) => !rebuildable(name));
  if (records.length > 0) {
    throw new AppError('ARCHIVE_DAMAGED', {
      zh: `记录已损坏（${records.join('、')}），不能通过重建索引修复；请从最近的副本恢复数据文件夹`,
      en: `Records are damaged (${records.join(', ')}) and cannot be repaired by rebuilding the index; restore the data folder from the latest copy`,
    });
  }
  const elsewhere = longWriteElsewhere(archive.paths.longWrite, null);
  if (elsewhere) throw busyError(elsewhere);
  const keepMark = findRollback(archive) !== null;
  const source = `${archive.paths.database}.repair-source`;
  const repaired = `${archive.paths.database}.repaired`;
  const original = archive.database.sqlite;
  const discard = () => {
    if (original.open && original.inTransaction) original.exec('ROLLBACK');
    for (const file of [source, repaired]) for (const part of ['', '-wal', '-shm']) rmSync(`${file}${part}`, { force: true });
  };
  // What an interrupted repair left goes first.
  discard();
  try {
    holdArchive(original);
    copyFileSync(archive.paths.database, source);
    const searchIndex = damaged.some(isSearchIndexStructure);
    const indexSchema = withoutIndexes(archive, source, damaged.filter((name) => !isSearchIndexStructure(name)), searchIndex);
    withConnection(archive, source, (sqlite) => sqlite.exec(`VACUUM INTO '${repaired.replaceAll("'", "''")}'`));
    const dossiers = withConnection(archive, repaired, (sqlite) => {
      const db: Db = drizzle(sqlite, { schema });
      const indexed = sqlite.transaction(() => {
        for (const statement of indexSchema) sqlite.exec(statement);
        const count = searchIndex ? rebuildSearchIndex(db) : 0;
        appendAuditEvent(db, { action: 'archive:repair-index', target: { type: 'archive', id: archive.archiveId }, summary: { damaged, dossiers: count } }, record);
        return count;
      })();
      const problems = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw new AppError('ARCHIVE_DAMAGED', { zh: `修复后的数据库仍不完整：${problems.join('；')}`, en: `The repaired database is still not whole: ${problems.join('; ')}` });
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return indexed;
    });
    rmSync(source, { force: true });
    const salt = readDatabaseSalt(repaired);
    const state = withConnection(archive, repaired, (sqlite) => databaseState(drizzle(sqlite, { schema })));
    if (!salt) throw new AppError('INTERNAL');
    return {
      damaged,
      dossiers,
      mark: { databaseSalt: salt, ...state },
      keepMark,
      swap: () => {
        for (const file of databaseFiles(archive.paths).slice(1)) rmSync(file, { force: true });
        renameSync(repaired, archive.paths.database);
      },
      discard,
    };
  } catch (error) {
    discard();
    throw error;
  }
}

/**
 * Everything committed is moved into the database file, and no program may write until the
 * repaired copy has taken its place (the archive's connection holds the write lock; closing it
 * lets go): a commit made meanwhile would be lost with the old file. Another program reading or
 * writing now means waiting for it to finish.
 */
function holdArchive(sqlite: Database.Database): void {
  const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!result || result.busy !== 0 || result.log !== result.checkpointed) throw new AppError('ARCHIVE_BUSY', IN_USE);
  sqlite.pragma('query_only = OFF');
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    sqlite.pragma('query_only = ON');
    throw new AppError('ARCHIVE_BUSY', IN_USE, { cause: error });
  }
  // A commit between the checkpoint and the lock would be in the -wal again.
  if (existsSync(`${sqlite.name}-wal`) && statSync(`${sqlite.name}-wal`).size > 0) {
    sqlite.exec('ROLLBACK');
    throw new AppError('ARCHIVE_BUSY', IN_USE);
  }
}

const IN_USE = {
  zh: '另一程序正在使用档案库：请关闭其他打开此档案库的程序（窗口或命令），然后再修复',
  en: 'Another program is using the archive: close the other programs that have it open (windows or commands), then repair again',
};

/**
 * Removes the damaged declared indexes – and the whole search index if part of it is damaged –
 * from a copy's schema by hand; answers the statements that create them again.
 */
function withoutIndexes(archive: OpenedArchive, file: string, declared: readonly string[], searchIndex: boolean): string[] {
  const removed = `(${searchIndex ? `${SEARCH_INDEX} OR ` : ''}name IN (SELECT value FROM json_each(?)))`;
  const names = JSON.stringify(declared);
  return withConnection(archive, file, (sqlite) => {
    const rows = sqlite.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE ${removed} AND sql IS NOT NULL`).all(names) as { type: string; name: string; sql: string }[];
    const virtual = rows.filter((row) => row.sql.startsWith('CREATE VIRTUAL TABLE')).map((row) => row.name);
    // Shadow tables of a virtual table come back with it; tables before their indexes.
    const recreate = rows.filter((row) => !virtual.some((v) => row.name.startsWith(`${v}_`))).sort((a, b) => Number(a.type !== 'table') - Number(b.type !== 'table'));
    // Editing the schema by hand is what SQLite's defensive mode exists to stop; this is the one place it is meant.
    sqlite.unsafeMode(true);
    sqlite.transaction(() => {
      sqlite.pragma('writable_schema = ON');
      sqlite.prepare(`DELETE FROM sqlite_schema WHERE ${removed}`).run(names);
      sqlite.pragma('writable_schema = OFF');
    })();
    return recreate.map((row) => row.sql);
  });
}

const SEARCH_INDEX = "(name LIKE 'search\\_%' ESCAPE '\\' OR tbl_name LIKE 'search\\_%' ESCAPE '\\')";

function withConnection<T>(archive: OpenedArchive, file: string, work: (sqlite: Database.Database) => T): T {
  const sqlite = openSqlite(file, { fileMustExist: true });
  const key = deriveSubkey(archive.dataKey, 'database');
  try {
    applyKey(sqlite, key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('temp_store = MEMORY');
    return work(sqlite);
  } finally {
    key.fill(0);
    sqlite.close();
  }
}
