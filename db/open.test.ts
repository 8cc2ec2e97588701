import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { snapshot } from '../tests/helpers/files';
import { migrationsDir } from '../tests/helpers/paths';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { knownSchemaVersion } from './migrations-dir';
import { openArchiveDatabase } from './open';
import { rawKeyLiteral } from './raw-key';

const tempDir = useTempDirs();

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return undefined;
}

describe('openArchiveDatabase with the real cipher build', () => {
  it('creates an encrypted database with every migration applied, and reopens it', () => {
    const file = join(tempDir(), 'archive.db');
    const key = randomBytes(32);
    const created = openArchiveDatabase({ file, key, migrationsDir, create: true });
    const tables = created.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['archive_meta', 'audit_events', 'dossiers', 'number_sequences', 'settings', 'user_roles', 'users']));
    const triggers = created.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    expect(triggers).toEqual(expect.arrayContaining(['audit_events_no_update', 'audit_events_no_delete']));
    expect(created.sqlite.pragma('user_version', { simple: true })).toBe(knownSchemaVersion(migrationsDir));
    created.sqlite.prepare("INSERT INTO archive_meta (key, value) VALUES ('probe', '档案')").run();
    created.close();

    // Encrypted: the SQLite header is not there, the text is not there.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('档案'))).toBe(false);

    const reopened = openArchiveDatabase({ file, key, migrationsDir });
    expect(reopened.sqlite.prepare("SELECT value FROM archive_meta WHERE key = 'probe'").pluck().get()).toBe('档案');
    expect(reopened.schemaVersion).toBe(knownSchemaVersion(migrationsDir));
    reopened.close();
  });

  it('sets the pragmas explicitly', () => {
    const opened = openArchiveDatabase({ file: join(tempDir(), 'a.db'), key: randomBytes(32), migrationsDir, create: true });
    const pragma = (name: string) => opened.sqlite.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('foreign_keys')).toBe(1);
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('temp_store')).toBe(2); // MEMORY
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('cipher')).toBe('sqlcipher');
    opened.close();
  });

  it('reports a wrong key as WRONG_KEY – never as corruption – and leaves the file untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.db');
    openArchiveDatabase({ file, key: randomBytes(32), migrationsDir, create: true }).close();
    const before = snapshot(dir);
    expect(errorCode(() => openArchiveDatabase({ file, key: randomBytes(32), migrationsDir }))).toBe('WRONG_KEY');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a database written by a newer build, without changing it', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.db');
    const key = randomBytes(32);
    const opened = openArchiveDatabase({ file, key, migrationsDir, create: true });
    opened.sqlite.pragma(`user_version = ${knownSchemaVersion(migrationsDir) + 1}`);
    opened.close();
    const before = snapshot(dir);
    let caught: unknown;
    try {
      openArchiveDatabase({ file, key, migrationsDir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('ARCHIVE_TOO_NEW');
    expect((caught as AppError).messageZh).toContain('升级');
    expect(snapshot(dir)).toEqual(before);
  });

  it('migrates a database created by an older build (only the first migration applied)', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.db');
    const key = randomBytes(32);
    // Simulate the older build: a migrations folder that only knows the first migration.
    const oldDir = join(dir, 'old-migrations');
    const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const first = journal.entries[0];
    if (!first) throw new Error('no migrations');
    mkdirSync(join(oldDir, 'meta'), { recursive: true });
    copyFileSync(join(migrationsDir, `${first.tag}.sql`), join(oldDir, `${first.tag}.sql`));
    writeFileSync(join(oldDir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
    openArchiveDatabase({ file, key, migrationsDir: oldDir, create: true }).close();

    const upgraded = openArchiveDatabase({ file, key, migrationsDir });
    const triggers = upgraded.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    expect(triggers).toContain('audit_events_no_update');
    expect(upgraded.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    upgraded.close();
  });

  it('reports a missing file as ARCHIVE_NOT_FOUND and does not create it', () => {
    const file = join(tempDir(), 'nothing.db');
    expect(errorCode(() => openArchiveDatabase({ file, key: randomBytes(32), migrationsDir }))).toBe('ARCHIVE_NOT_FOUND');
    expect(existsSync(file)).toBe(false);
  });

  it('applies pending migrations in one transaction: a failing migration leaves the old schema', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.db');
    const key = randomBytes(32);
    const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number; idx: number }[] };
    const broken = join(dir, 'broken-migrations');
    mkdirSync(join(broken, 'meta'), { recursive: true });
    for (const entry of journal.entries) copyFileSync(join(migrationsDir, `${entry.tag}.sql`), join(broken, `${entry.tag}.sql`));
    writeFileSync(join(broken, '9999_broken.sql'), 'CREATE TABLE probe (x);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const last = journal.entries.at(-1);
    writeFileSync(join(broken, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [...journal.entries, { idx: journal.entries.length, version: '6', when: (last?.when ?? 0) + 1, tag: '9999_broken', breakpoints: true }] }));
    openArchiveDatabase({ file, key, migrationsDir, create: true }).close();

    expect(() => openArchiveDatabase({ file, key, migrationsDir: broken })).toThrow();
    const reopened = openArchiveDatabase({ file, key, migrationsDir });
    expect(reopened.sqlite.pragma('user_version', { simple: true })).toBe(journal.entries.length);
    expect(reopened.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'probe'").pluck().get()).toBe(0);
    reopened.close();
  });
});

describe('rawKeyLiteral', () => {
  it("builds x'<hex>' without a string round trip", () => {
    const key = Buffer.from('00ff10ab'.repeat(8), 'hex');
    expect(rawKeyLiteral(key).toString('latin1')).toBe(`x'${'00ff10ab'.repeat(8)}'`);
    expect(() => rawKeyLiteral(Buffer.alloc(16))).toThrow(RangeError);
  });
});
