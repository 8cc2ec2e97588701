import { describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mergeSegments } from '../../../../db/repositories/search';
import type { Db } from '../../../../db/open';
import { ADMIN, newArchive, ok, openSheet, testCore } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { vehicleSheet } from '../../../../tests/helpers/running-import';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { FrontDoor } from '../../audit/chain';

const tempDir = useTempDirs();


/** The index's merge settings, and whether merging would still find work, read as an insider would. */
async function indexState(dir: string): Promise<{ automerge: unknown; crisismerge: unknown; mergeLeft: boolean }> {
  const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
  try {
    const config = Object.fromEntries((raw.prepare('SELECT k, v FROM search_grams_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]));
    raw.exec('BEGIN IMMEDIATE');
    const mergeLeft = mergeSegments(drizzle(raw) as unknown as Db, 10_000);
    raw.exec('ROLLBACK');
    return { automerge: config.automerge, crisismerge: config.crisismerge, mergeLeft };
  } finally {
    raw.close();
  }
}

describe('an import leaves its index segments merged', () => {
  for (const frontDoor of ['ui', 'cli'] as FrontDoor[]) {
    it(`${frontDoor === 'ui' ? 'in the window, a step at a time after the import' : 'on the command line, before the commit'}; the merge settings are back to FTS5's defaults`, async () => {
      const dir = tempDir();
      const core = await newArchive(dir);
      const opened = await openSheet(core, 'big.csv', vehicleSheet(4500));
      await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' }, frontDoor);
      // The window goes on being used while the merge steps run between its calls.
      for (let i = 0; i < 20; i += 1) {
        await ok(core, 'dossier:list', { query: '客户' });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await ok(core, 'dossier:list', { query: '客户4500' })).total).toBe(1);
      await core.close();
      expect(await indexState(dir)).toEqual({ automerge: 4, crisismerge: 16, mergeLeft: false });
    });
  }

  it('a window session that ends before the merge is done leaves merging deferred; the next sign-in in the window finishes it', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const opened = await openSheet(core, 'big.csv', vehicleSheet(4500));
    await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    await ok(core, 'session:lock', {});
    await core.close();
    expect(await indexState(dir)).toMatchObject({ automerge: 0, crisismerge: 100000 });

    const next = testCore(dir);
    await ok(next, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    for (let i = 0; i < 20; i += 1) {
      await ok(next, 'dossier:list', {});
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await next.close();
    expect(await indexState(dir)).toEqual({ automerge: 4, crisismerge: 16, mergeLeft: false });
  });
});
