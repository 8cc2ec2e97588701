import type Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, newArchive } from '../tests/helpers/core';
import { openRawDatabase } from '../tests/helpers/raw-archive';
import { useSuiteTempDir } from '../tests/helpers/temp-dir';

const dir = useSuiteTempDir();
let raw: Database.Database;
beforeAll(async () => {
  await (await newArchive(dir())).close();
  raw = await openRawDatabase(dir(), ADMIN.login, ADMIN.password);
});
afterAll(() => raw.close());

const triggersOn = (table: string) => raw.prepare<[string], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").all(table);

/**
 * A register is append-only by its triggers. An INSERT OR REPLACE that collides on a unique key
 * deletes the old row without firing a DELETE trigger (unless recursive_triggers is on), so each
 * register's BEFORE INSERT trigger must refuse a row that repeats its id or any unique key.
 */
it('every append-only register refuses a row that repeats its id or a unique key, so a REPLACE cannot delete an entry', () => {
  const registers = raw
    .prepare<[], { table: string }>("SELECT tbl_name AS \"table\" FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_no\\_delete' ESCAPE '\\' ORDER BY tbl_name")
    .all()
    .map((r) => r.table);
  expect(registers.length).toBeGreaterThan(20);
  const gaps: string[] = [];
  for (const table of registers) {
    const guard = triggersOn(table).filter((t) => /BEFORE\s+INSERT/i.test(t.sql) && /RAISE\s*\(\s*ABORT/i.test(t.sql) && /append-only/.test(t.sql));
    const guarded = (columns: string[]) => guard.some((t) => columns.every((c) => t.sql.includes(`NEW.\`${c}\``)));
    if (!guarded(['id'])) gaps.push(`${table}: id`);
    const unique = raw.prepare<[], { name: string; unique: number }>(`PRAGMA index_list(\`${table}\`)`).all().filter((i) => i.unique === 1 && !i.name.startsWith('sqlite_autoindex_'));
    for (const index of unique) {
      const columns = raw.prepare<[], { name: string }>(`PRAGMA index_info(\`${index.name}\`)`).all().map((c) => c.name);
      if (!guarded(columns)) gaps.push(`${table}: ${columns.join(', ')}`);
    }
  }
  expect(gaps).toEqual([]);
});
