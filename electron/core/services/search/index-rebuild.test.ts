import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../../db/schema';
import { ADMIN, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { reindexDossier, SearchIndexRebuild } from './index-dossier';

const tempDir = useTempDirs();
const QUERIES = ['张', '张三', 'zs', 'zhangsan', '沪a1', '1380013', '发票', '4', '12', 'lsvau'];

async function hits(core: Core): Promise<Record<string, string[]>> {
  const answers: Record<string, string[]> = {};
  for (const query of QUERIES) answers[query] = (await ok(core, 'dossier:list', { query, limit: 200 })).items.map((d) => d.archiveNumber).sort();
  return answers;
}

/** An archive of 12 dossiers, its answers to QUERIES, and the index made stale as an older build would leave it. */
async function staleArchive(): Promise<{ dir: string; core: Core; kept: Record<string, string[]> }> {
  const dir = tempDir();
  const core = await newArchive(dir);
  for (let i = 0; i < 12; i += 1) {
    const { archiveNumber } = await ok(core, 'dossier:create', {
      typeKey: 'vehicle-new',
      fields: { customerName: i % 3 ? `张三${i}` : `李四${i}`, phone: `1380013${String(1000 + i)}`, vin: `LSVAU2180N21832${String(10 + i)}`, deliveryDate: '2026-11-02', plate: `沪A1${String(2340 + i)}` },
    });
    if (i % 4 === 0) await ok(core, 'document:add', { archiveNumber, checklistItem: 'invoiceCopy' });
  }
  const kept = await hits(core);
  expect(kept['zs']).toHaveLength(8);
  expect(kept['发票']).toHaveLength(3);
  await ok(core, 'session:lock', {});
  const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
  raw.prepare("UPDATE archive_meta SET value = 'old' WHERE key = 'search_index_version'").run();
  raw.prepare('DELETE FROM search_grams').run();
  raw.close();
  return { dir, core, kept };
}

async function rebuildEvents(core: Core) {
  return (await ok(core, 'audit:list', { action: 'search:rebuild' })).items;
}

describe('the search index rebuilt from scratch', () => {
  it('is rebuilt at once when the command line signs in, answering exactly as the index kept dossier by dossier', async () => {
    const { core, kept } = await staleArchive();
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password }, 'cli');
    expect((await ok(core, 'dossier:list', { query: 'zs' }, 'cli')).indexing).toBeUndefined();
    expect(await hits(core)).toEqual(kept);
    const [event] = await rebuildEvents(core);
    expect(event).toMatchObject({ user: null, summary: { dossiers: 12 } });
    await core.close();
  });

  it('is rebuilt after a sign-in in the window, a step at a time, while searches say how far it is', async () => {
    const { core, kept } = await staleArchive();
    await switchTo(core, ADMIN.login, ADMIN.password);
    // Asked at once, the search answers from the index as far as it is, and says so.
    const early = await ok(core, 'dossier:list', { query: 'zs' });
    expect(early.indexing).toEqual({ done: 0, total: 12 });
    expect(early.items).toHaveLength(0);
    expect((await ok(core, 'dossier:list', {})).indexing).toBeUndefined();
    await expect.poll(async () => (await ok(core, 'dossier:list', { query: 'zs' })).indexing, { interval: 20 }).toBeUndefined();
    expect(await hits(core)).toEqual(kept);
    expect(await rebuildEvents(core)).toHaveLength(1);
    // Built, it is not rebuilt at the next sign-in.
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect((await ok(core, 'dossier:list', { query: 'zs' })).indexing).toBeUndefined();
    expect(await rebuildEvents(core)).toHaveLength(1);
    await core.close();
  });

  it('keeps what was changed between its steps, and starts over when cut short', async () => {
    const { dir, core } = await staleArchive();
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const db = drizzle(raw, { schema });
    const rename = (id: number, name: string) => {
      const row = raw.prepare('SELECT fields FROM dossiers WHERE id = ?').get(id) as { fields: string };
      raw.prepare('UPDATE dossiers SET fields = ?, title = ? WHERE id = ?').run(JSON.stringify({ ...JSON.parse(row.fields), customerName: name }), `${name} 新车档案`, id);
      reindexDossier(db, id);
    };
    const ids = raw.prepare<[], number>('SELECT id FROM dossiers ORDER BY id').pluck().all();
    const cutShort = SearchIndexRebuild.begin(db, 5);
    cutShort.step(db);
    expect(cutShort).toMatchObject({ done: 5, finished: false });
    // Cut short here (a lock): the version says "rebuilding", so the next sign-in starts over.
    const rebuild = SearchIndexRebuild.begin(db, 5);
    rebuild.step(db);
    rename(ids[1] ?? 0, '欧阳娜娜'); // already indexed by the step
    rename(ids[8] ?? 0, '司马光'); // indexed by the change, before its step
    while (!rebuild.finished) rebuild.step(db);
    expect(rebuild.done).toBe(12);
    expect(raw.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(12);
    raw.close();

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const search = async (query: string) => (await ok(core, 'dossier:list', { query })).items.map((d) => d.id);
    expect(await search('oyn')).toEqual([ids[1]]);
    expect(await search('司马')).toEqual([ids[8]]);
    expect(await search('smg')).toEqual([ids[8]]);
    expect((await search('zs')).sort((a, b) => a - b)).toEqual(ids.filter((_, i) => i % 3 !== 0 && i !== 1 && i !== 8));
    expect(await rebuildEvents(core)).toHaveLength(0);
    await core.close();
  });
});
