import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, testCore } from '../../../tests/helpers/core';
import { damagePage, flipByte, hasFile, pagesOf } from '../../../tests/helpers/archive-faults';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const signIn = { login: ADMIN.login, password: ADMIN.password };

async function closedArchive(dir: string, dossiers = 3): Promise<void> {
  const core = await newArchive(dir);
  for (let i = 0; i < dossiers; i += 1) await ok(core, 'dossier:create', { title: `张三的档案 ${i}` });
  await core.close();
}

describe('a damaged database is named as such and written no further', () => {
  it('a page read by nobody but verify: verify names it, and from then on every program refuses writes', async () => {
    const dir = tempDir();
    await closedArchive(dir);
    const [page = 0] = await pagesOf(dir, 'schema_migrations');
    damagePage(dir, page);

    const core = testCore(dir);
    await ok(core, 'session:login', signIn);
    const report = await ok(core, 'archive:verify', {});
    const integrity = report.checks.find((c) => c.name === 'database-integrity');
    expect(integrity).toMatchObject({ ok: false });
    expect(integrity?.messageEn).toContain('schema_migrations');
    expect(integrity?.messageEn).toContain('restore the data folder from the latest copy');
    expect(report.damagedStructures).toEqual(['schema_migrations']);
    expect(await call(core, 'dossier:create', { title: '不应写入' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect((await ok(core, 'dossier:list', {})).items).toHaveLength(3);
    await core.close();

    const next = testCore(dir);
    const session = await ok(next, 'session:login', signIn, 'cli');
    expect(session.condition).toMatchObject({ code: 'ARCHIVE_DAMAGED' });
    expect(session.condition?.messageEn).toContain('schema_migrations');
    expect(await call(next, 'dossier:create', { title: '不应写入' }, 'cli')).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    await next.close();

    // Repaired (here: the byte flipped back), verify lifts the refusal.
    damagePage(dir, page);
    const repaired = testCore(dir);
    await ok(repaired, 'session:login', signIn);
    expect((await ok(repaired, 'archive:verify', {})).ok).toBe(true);
    expect(hasFile(dir, 'damage.json')).toBe(false);
    await ok(repaired, 'dossier:create', { title: '修复后' });
    await repaired.close();
  });

  it('a page nobody reads: the page check after a sign-in in the window finds it, and writes stop', async () => {
    const dir = tempDir();
    await closedArchive(dir);
    const [page = 0] = await pagesOf(dir, 'schema_migrations');
    damagePage(dir, page);
    const core = testCore(dir, { pageCheck: true });
    expect((await ok(core, 'session:login', signIn)).condition).toBeNull();
    for (let i = 0; i < 400 && !hasFile(dir, 'damage.json'); i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(hasFile(dir, 'damage.json')).toBe(true);
    const refused = await call(core, 'dossier:create', { title: '不应写入' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(refused.ok ? '' : refused.error.messageEn).toContain('schema_migrations');
    expect((await ok(core, 'session:status', {})).session?.condition).toMatchObject({ code: 'ARCHIVE_DAMAGED' });
    await core.close();

    // A sound archive is checked without a false alarm.
    const sound = tempDir();
    await closedArchive(sound);
    const healthy = testCore(sound, { pageCheck: true });
    await ok(healthy, 'session:login', signIn);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(hasFile(sound, 'damage.json')).toBe(false);
    await ok(healthy, 'dossier:create', { title: '照常写入' });
    await healthy.close();
  });

  it('a damaged search index: a create says ARCHIVE_DAMAGED (not INTERNAL), later writes are refused, verify says it can be rebuilt', async () => {
    const dir = tempDir();
    await closedArchive(dir, 20);
    const pages = await pagesOf(dir, 'search_grams_data');
    damagePage(dir, pages.at(-1) ?? 0);

    const core = testCore(dir);
    await ok(core, 'session:login', signIn);
    const create = await call(core, 'dossier:create', { title: '张三的新档案' });
    expect(create).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(await call(core, 'dossier:create', { title: '另一个' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(hasFile(dir, 'damage.json')).toBe(true);
    const integrity = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'database-integrity');
    expect(integrity?.messageEn).toContain('search_grams_data');
    expect(integrity?.messageEn).toContain('only indexes are damaged');

    // The administrator rebuilds it from the records: searching and writing work again.
    const repaired = await ok(core, 'archive:repair-index', {});
    expect(repaired).toEqual({ damaged: ['search_grams_data'], dossiers: 20, signedOut: true });
    await ok(core, 'session:login', signIn);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    expect(hasFile(dir, 'damage.json')).toBe(false);
    expect((await ok(core, 'dossier:list', { query: '张三' })).total).toBe(20);
    await ok(core, 'dossier:create', { title: '张三的新档案' });
    expect((await ok(core, 'dossier:list', { query: '张三' })).total).toBe(21);
    expect((await ok(core, 'audit:list', { action: 'archive:repair-index' })).items).toHaveLength(1);
    await core.close();
  });

  it('a damaged declared index is rebuilt from its table; the search index is left as it was', async () => {
    const dir = tempDir();
    await closedArchive(dir, 200);
    const pages = await pagesOf(dir, 'dossiers_visibility_idx');
    damagePage(dir, pages.at(-1) ?? 0);
    const core = testCore(dir);
    await ok(core, 'session:login', signIn);
    const integrity = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'database-integrity');
    expect(integrity?.messageEn).toContain('dossiers_visibility_idx');
    expect(integrity?.messageEn).toContain('only indexes are damaged');
    expect(await ok(core, 'archive:repair-index', {})).toEqual({ damaged: ['dossiers_visibility_idx'], dossiers: 0, signedOut: true });
    await ok(core, 'session:login', signIn);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    expect((await ok(core, 'dossier:list', { query: '张三' })).total).toBe(200);
    await ok(core, 'dossier:create', { title: '张三的新档案' });
    await core.close();
  });

  it('damaged records cannot be repaired by rebuilding the index: the refusal says to restore a copy', async () => {
    const dir = tempDir();
    await closedArchive(dir, 20);
    const pages = await pagesOf(dir, 'dossiers');
    damagePage(dir, pages.at(-1) ?? 0);
    const core = testCore(dir);
    await ok(core, 'session:login', signIn);
    expect((await ok(core, 'archive:verify', {})).damagedStructures).toContain('dossiers');
    const refused = await call(core, 'archive:repair-index', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(refused.ok ? '' : refused.error.messageEn).toContain('restore the data folder from the latest copy');
    await core.close();
  });

  it('a damaged first page is damage, not a wrong key; a database of another archive is still a wrong key', async () => {
    const dir = tempDir();
    await closedArchive(dir);
    const other = tempDir();
    await closedArchive(other);
    copyFileSync(join(dir, 'archive.db'), join(dir, 'sound.db'));

    damagePage(dir, 1);
    const core = testCore(dir);
    const damaged = await call(core, 'session:login', signIn);
    expect(damaged).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(damaged.ok ? '' : damaged.error.messageEn).toContain("first page fails its check");

    copyFileSync(join(other, 'archive.db'), join(dir, 'archive.db'));
    expect(await call(core, 'session:login', signIn)).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    await core.close();
  });

  it('without the sealed mark, a hit in the salt or at the start of page 1 is still damage; another archive still a wrong key', async () => {
    const dir = tempDir();
    await closedArchive(dir);
    const other = tempDir();
    await closedArchive(other);
    copyFileSync(join(dir, 'archive.db'), join(dir, 'sound.db'));
    rmSync(join(dir, 'high-water.json'));
    const core = testCore(dir);
    // offset 5: the salt; offset 20: the first encrypted block, which also holds the page size.
    for (const offset of [5, 20]) {
      copyFileSync(join(dir, 'sound.db'), join(dir, 'archive.db'));
      flipByte(join(dir, 'archive.db'), offset);
      const damaged = await call(core, 'session:login', signIn);
      expect(damaged, `byte ${offset}`).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    }
    copyFileSync(join(other, 'archive.db'), join(dir, 'archive.db'));
    rmSync(join(dir, 'archive.db-wal'), { force: true });
    expect(await call(core, 'session:login', signIn)).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    await core.close();
  });
});
