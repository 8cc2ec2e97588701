import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../../db/open';
import { ADMIN, addUser, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDb } from '../../../../tests/helpers/raw-db';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { classifyScan } from './classify-scan';

const suiteDir = useSuiteTempDir();
let core: Core;
let db: Db;
let shelfId = 0;
const numbers: string[] = [];

beforeAll(async () => {
  const dir = suiteDir();
  core = await newArchive(dir);
  db = await openRawDb(dir, ADMIN.login, ADMIN.password);
  await addUser(core, { login: 'clerk', roles: ['clerk'] });
  await switchTo(core, 'clerk');
  const room = await ok(core, 'location:create', { parentId: null, code: 'A', name: '一号库房' });
  shelfId = (await ok(core, 'location:create', { parentId: room.id, code: '1', name: '第1层' })).id;
  for (const title of ['在库 档案', '已销毁 档案', '已移交 档案']) {
    const { archiveNumber } = await ok(core, 'dossier:create', { title });
    await ok(core, 'dossier:set-location', { archiveNumber, locationId: shelfId });
    numbers.push(archiveNumber);
  }
  // Their records keep the last place they stood.
  db.run(sql`UPDATE dossiers SET status = 'destroyed' WHERE archive_number = ${numbers[1]}`);
  db.run(sql`UPDATE dossiers SET status = 'transferred' WHERE archive_number = ${numbers[2]}`);
});

afterAll(() => db.$client.close());

describe('a stocktake and disposed dossiers', () => {
  it('never expects a destroyed or transferred dossier on the shelf, and a scan of one is its own finding', async () => {
    const started = await ok(core, 'stocktake:start', { locationId: shelfId });
    expect(started.totals).toMatchObject({ expected: 1, missing: 1 });
    expect(started.missing.map((m) => m.archiveNumber)).toEqual([numbers[0]]);
    const scan = await ok(core, 'stocktake:scan', { id: started.id, code: numbers[1] ?? '' });
    expect(scan.scan.outcome).toBe('disposed');
    expect(scan.totals).toMatchObject({ disposed: 1, misplaced: 0, missing: 1 });
    const finished = await ok(core, 'stocktake:finish', { id: started.id, correctLocations: false });
    expect(finished.missing.map((m) => m.archiveNumber)).toEqual([numbers[0]]);
  });

  it('classifies a destroyed or transferred dossier as disposed wherever it was scanned', () => {
    const anywhere = () => true;
    expect(classifyScan({ locationId: 1, status: 'destroyed' }, false, anywhere)).toBe('disposed');
    expect(classifyScan({ locationId: 1, status: 'transferred' }, false, anywhere)).toBe('disposed');
    expect(classifyScan({ locationId: 1, status: 'in-archive' }, false, anywhere)).toBe('found');
  });
});
