import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, testCore } from '../../../tests/helpers/core';
import { copyDataFolder, hasFile } from '../../../tests/helpers/archive-faults';
import { openRawDatabase } from '../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const signIn = { login: ADMIN.login, password: ADMIN.password };
const WAL = ['archive.db-wal', 'archive.db-shm'];

/** An archive with one dossier checkpointed into archive.db, signed in again (the next writes stay in the -wal). */
async function archiveWithOneDossier(dir: string) {
  const first = await newArchive(dir);
  const kept = await ok(first, 'dossier:create', { title: '保留的档案' });
  await first.close();
  const core = testCore(dir);
  await ok(core, 'session:login', signIn);
  return { core, kept };
}

describe('an archive rolled back to an earlier state is noticed and named', () => {
  it('a lost -wal: detected at sign-in, writes refused, reads go on; accepting it never reissues a number', async () => {
    const dir = tempDir();
    const { core, kept } = await archiveWithOneDossier(dir);
    const lost = await ok(core, 'dossier:create', { title: '只在日志里的档案' });
    const copy = tempDir();
    copyDataFolder(dir, copy, { without: WAL });
    await core.close();

    const rolledBack = testCore(copy);
    const session = await ok(rolledBack, 'session:login', signIn);
    expect(session.condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    expect(session.condition?.messageEn).toMatch(/rolled back: the database ends at audit event \d+ .*had reached event \d+/);
    expect(session.condition?.messageEn).toContain('archive numbers issued but missing');
    expect(await call(rolledBack, 'dossier:create', { title: '新档案' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_ROLLED_BACK' } });
    const listed = await ok(rolledBack, 'dossier:list', {});
    expect(listed.items.map((d) => d.archiveNumber)).toEqual([kept.archiveNumber]);
    const report = await ok(rolledBack, 'archive:verify', {});
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'high-water-mark')).toMatchObject({ ok: false });

    const accepted = await ok(rolledBack, 'archive:accept-rollback', {});
    expect(Object.keys(accepted.numbersAdvanced)).toHaveLength(1);
    const next = await ok(rolledBack, 'dossier:create', { title: '接受回退后的档案' });
    expect(next.archiveNumber).not.toBe(lost.archiveNumber);
    expect(next.archiveNumber > lost.archiveNumber).toBe(true);
    expect((await ok(rolledBack, 'archive:verify', {})).ok).toBe(true);
    const events = await ok(rolledBack, 'audit:list', { action: 'archive:rollback-accepted' });
    expect(events.items).toHaveLength(1);
    await rolledBack.close();

    // The next program sees a sound archive again.
    const later = testCore(copy);
    expect((await ok(later, 'session:login', signIn)).condition).toBeNull();
    await later.close();
  });

  it('an old copy of archive.db put back is noticed; putting the right file back ends it', async () => {
    const dir = tempDir();
    const { core } = await archiveWithOneDossier(dir);
    await core.close();
    copyFileSync(join(dir, 'archive.db'), join(dir, 'old.db'));
    const again = testCore(dir);
    await ok(again, 'session:login', signIn);
    await ok(again, 'dossier:create', { title: '后来的档案' });
    await again.close();
    copyFileSync(join(dir, 'archive.db'), join(dir, 'current.db'));
    copyFileSync(join(dir, 'old.db'), join(dir, 'archive.db'));

    const opened = testCore(dir);
    expect((await ok(opened, 'session:login', signIn)).condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    await opened.close();

    copyFileSync(join(dir, 'current.db'), join(dir, 'archive.db'));
    const restored = testCore(dir);
    expect((await ok(restored, 'session:login', signIn)).condition).toBeNull();
    await ok(restored, 'dossier:create', { title: '继续工作' });
    await restored.close();
  });

  it('a folder copied without its high-water mark says the copy may be incomplete', async () => {
    const dir = tempDir();
    const { core } = await archiveWithOneDossier(dir);
    await core.close();
    const copy = tempDir();
    copyDataFolder(dir, copy, { without: ['high-water.json'] });
    const opened = testCore(copy);
    const session = await ok(opened, 'session:login', signIn);
    expect(session.condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    expect(session.condition?.messageEn).toContain('high-water.json is missing');
    await opened.close();
  });

  it('an archive from before the mark existed starts keeping one, without a false alarm', async () => {
    const dir = tempDir();
    const { core } = await archiveWithOneDossier(dir);
    await core.close();
    rmSync(join(dir, 'high-water.json'));
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare("DELETE FROM archive_meta WHERE key = 'high_water_mark'").run();
    raw.close();

    const opened = testCore(dir);
    expect((await ok(opened, 'session:login', signIn)).condition).toBeNull();
    expect(hasFile(dir, 'high-water.json')).toBe(true);
    await ok(opened, 'dossier:create', { title: '升级后的档案' });
    await opened.close();
  });

  it('many writes, locks and two programs in turn never raise a false alarm', async () => {
    const dir = tempDir();
    const { core } = await archiveWithOneDossier(dir);
    const other = testCore(dir);
    for (let i = 0; i < 3; i += 1) {
      await ok(core, 'dossier:create', { title: `档案 ${i}` });
      await ok(core, 'session:lock', {});
      expect((await ok(other, 'session:login', signIn, 'cli')).condition).toBeNull();
      await ok(other, 'dossier:create', { title: `另一程序 ${i}` });
      await ok(other, 'session:lock', {});
      expect((await ok(core, 'session:login', signIn)).condition).toBeNull();
    }
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    await core.close();
    await other.close();
  });
});
