import type Database from 'better-sqlite3';
import { AppError } from '../shared/errors';
import type { Migration } from './migrations-dir';

/**
 * Brings the database to the schema of this build, all in one IMMEDIATE transaction: the
 * version is re-read after the write lock is taken, so two programs opening an old archive at the
 * same moment cannot both migrate it, and a failure leaves the old schema untouched. (drizzle's
 * own migrator reads the applied state before its transaction begins.) PRAGMA user_version is
 * the schema version; schema_migrations records what ran, for diagnostics.
 */
export function migrate(sqlite: Database.Database, migrations: readonly Migration[]): void {
  if (schemaVersion(sqlite) === migrations.length) return;
  sqlite
    .transaction(() => {
      const found = schemaVersion(sqlite);
      refuseNewer(found, migrations.length);
      sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const record = sqlite.prepare('INSERT INTO schema_migrations (version, tag, hash, applied_at) VALUES (?, ?, ?, ?)');
      for (const migration of migrations.slice(found)) {
        for (const statement of migration.statements) sqlite.exec(statement);
        record.run(migration.version, migration.tag, migration.hash, new Date().toISOString());
      }
      sqlite.pragma(`user_version = ${migrations.length}`);
    })
    .immediate();
}

export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export function refuseNewer(found: number, known: number): void {
  if (found <= known) return;
  throw new AppError('ARCHIVE_TOO_NEW', {
    zh: `档案库由更新版本的程序写入（数据库版本 ${found}，本程序支持到 ${known}），请升级本程序后再打开`,
    en: `The archive was written by a newer version of the program (database version ${found}, this build knows up to ${known}); upgrade before opening it`,
  });
}
