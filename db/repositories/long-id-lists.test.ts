import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, newArchive } from '../../tests/helpers/core';
import { openRawDb } from '../../tests/helpers/raw-db';
import { useSuiteTempDir } from '../../tests/helpers/temp-dir';
import type { Db } from '../open';
import { inGroups } from './in-groups';
import { livePagesOf, markPagesRemoved, placesOfFiles, scanPageCounts } from './scans';

const dir = useSuiteTempDir();
let db: Db;
beforeAll(async () => {
  await (await newArchive(dir())).close();
  db = await openRawDb(dir(), ADMIN.login, ADMIN.password);
});
afterAll(() => db.$client.close());

// SQLite binds at most 32,766 values to a statement: a dossier with more documents than that failed
// every filing with INTERNAL. Every list that comes from the data is asked in groups.
it('asks for any number of documents, pages or files', () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
  expect(scanPageCounts(db, ids)).toEqual(new Map());
  expect(livePagesOf(db, ids)).toEqual([]);
  expect(placesOfFiles(db, ids)).toEqual(new Map());
  expect(() => markPagesRemoved(db, ids, 1, '2026-11-30T00:00:00Z')).not.toThrow();
});

it('groups keep their order and leave nothing out', () => {
  const ids = Array.from({ length: 401 }, (_, i) => i);
  const groups = inGroups(ids);
  expect(groups.map((g) => g.length)).toEqual([200, 200, 1]);
  expect(groups.flat()).toEqual(ids);
  expect(inGroups([])).toEqual([]);
});
