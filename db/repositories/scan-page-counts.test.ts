import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, newArchive } from '../../tests/helpers/core';
import { openRawDb } from '../../tests/helpers/raw-db';
import { useSuiteTempDir } from '../../tests/helpers/temp-dir';
import type { Db } from '../open';
import { scanPageCounts } from './scans';

const dir = useSuiteTempDir();
let db: Db;
beforeAll(async () => {
  await (await newArchive(dir())).close();
  db = await openRawDb(dir(), ADMIN.login, ADMIN.password);
});
afterAll(() => db.$client.close());

// A dossier with more documents than SQLite takes bound values in one statement (32,766) failed every filing with INTERNAL.
it('counts the scanned pages of any number of documents', () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
  expect(scanPageCounts(db, ids)).toEqual(new Map());
});
