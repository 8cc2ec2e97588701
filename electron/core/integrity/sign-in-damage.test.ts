import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, testCore } from '../../../tests/helpers/core';
import { damagePage, hasFile, pagesOf } from '../../../tests/helpers/archive-faults';
import { openRawDatabase } from '../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const signIn = { login: ADMIN.login, password: ADMIN.password };

/** An archive with a clerk and a few dossiers, closed, with one page of `structure` damaged. */
async function damagedIn(structure: string): Promise<string> {
  const dir = tempDir();
  const core = await newArchive(dir);
  await addUser(core, { login: 'clerk', roles: ['clerk'] });
  for (let i = 0; i < 3; i += 1) await ok(core, 'dossier:create', { title: `张三的档案 ${i}` });
  await core.close();
  const pages = await pagesOf(dir, structure);
  damagePage(dir, pages.at(-1) ?? 0);
  return dir;
}

describe('damage that refuses the sign-in itself', () => {
  for (const index of ['users_login_unique', 'audit_events_at_idx', 'audit_events_prev_hash_unique']) {
    it(`a damaged ${index}: the refusal names it, and an administrator rebuilds it while signing in`, async () => {
      const dir = await damagedIn(index);
      const core = testCore(dir);
      const refused = await call(core, 'session:login', signIn);
      expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
      expect(refused.ok ? '' : refused.error.messageEn).toContain(`Only indexes are damaged (${index})`);
      expect(refused.ok ? '' : refused.error.message).toContain('重建索引并登录');
      // What the sign-in page offers the repair on.
      expect(refused.ok ? [] : refused.error.issues).toEqual([expect.objectContaining({ path: 'repairIndexes' })]);

      // Nobody else repairs, and a wrong password is a wrong password.
      const clerk = await call(core, 'session:login', { login: 'clerk', password: passwordOf('clerk'), repairIndexes: true });
      expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await call(core, 'session:login', { ...signIn, password: 'not-the-password', repairIndexes: true })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
      expect(hasFile(dir, 'damage.json')).toBe(true);

      const session = await ok(core, 'session:login', { ...signIn, repairIndexes: true });
      expect(session.repaired).toEqual({ damaged: [index], dossiers: 0, signedOut: true });
      expect(session.condition).toBeNull();
      expect(hasFile(dir, 'damage.json')).toBe(false);
      expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
      await ok(core, 'dossier:create', { title: '张三的新档案' });
      expect((await ok(core, 'audit:list', { action: 'archive:repair-index' })).items).toHaveLength(1);
      // The wrong password tried on the way and the clerk's refused repair are in the trail too.
      const failed = (await ok(core, 'audit:list', { action: 'session:login-failed' })).items.map((event) => event.summary?.reason);
      expect(failed.map(String).sort()).toEqual(['repair-refused', 'wrong-password']);
      await call(core, 'session:lock', {});
      await ok(core, 'session:login', { login: 'clerk', password: passwordOf('clerk') });
      await core.close();
    });
  }

  it('damaged user records: the refusal says to restore a copy, and the repair changes nothing', async () => {
    const dir = await damagedIn('users');
    const core = testCore(dir);
    const refused = await call(core, 'session:login', signIn);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(refused.ok ? '' : refused.error.messageEn).toContain('records (users) are damaged');
    expect(refused.ok ? '' : refused.error.messageEn).toContain('Restore the data folder from the latest copy');
    expect(refused.ok ? undefined : refused.error.issues).toBeUndefined();
    const repair = await call(core, 'session:login', { ...signIn, repairIndexes: true });
    expect(repair).toMatchObject({ ok: false, error: { code: 'ARCHIVE_DAMAGED' } });
    expect(hasFile(dir, 'archive.db.repaired')).toBe(false);
    await core.close();
  });

  it('asking for a repair when nothing is damaged is an ordinary sign-in', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    const core = testCore(dir);
    const session = await ok(core, 'session:login', { ...signIn, repairIndexes: true });
    expect(session.repaired).toBeUndefined();
    expect((await ok(core, 'audit:list', { action: 'archive:repair-index' })).items).toHaveLength(0);
    await core.close();
  });

  it("a repair never loses another program's commit: while it cannot be moved into the file, the repair says to close that program", async () => {
    const dir = await damagedIn('audit_events_action_idx');
    const other = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    other.prepare("UPDATE dossiers SET title = '另一程序刚改过' WHERE id = 1").run();
    // Still reading: its commit stays in the -wal, which a copy of archive.db alone would miss.
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM dossiers').get();
    const core = testCore(dir);
    const busy = await call(core, 'session:login', { ...signIn, repairIndexes: true });
    expect(busy).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
    expect(busy.ok ? '' : busy.error.messageEn).toContain('close the other programs');
    expect(hasFile(dir, 'archive.db.repaired')).toBe(false);
    other.exec('COMMIT');
    other.close();
    const session = await ok(core, 'session:login', { ...signIn, repairIndexes: true });
    expect(session.repaired?.damaged).toEqual(['audit_events_action_idx']);
    expect((await ok(core, 'dossier:list', {})).items.map((d) => d.title)).toContain('另一程序刚改过');
    await core.close();
  });

  it('a rolled-back archive with a damaged index: the repair keeps the rollback reported, and numbers lost stay lost', async () => {
    const dir = tempDir();
    const first = await newArchive(dir);
    await ok(first, 'dossier:create', { title: '回退之前' });
    await first.close();
    copyFileSync(join(dir, 'archive.db'), join(dir, 'old.db'));
    const second = testCore(dir);
    await ok(second, 'session:login', signIn);
    const lost = await ok(second, 'dossier:create', { title: '只在新文件里' });
    await second.close();
    for (const part of ['', '-wal', '-shm']) rmSync(join(dir, `archive.db${part}`), { force: true });
    copyFileSync(join(dir, 'old.db'), join(dir, 'archive.db'));
    const pages = await pagesOf(dir, 'audit_events_action_idx');
    damagePage(dir, pages.at(-1) ?? 0);

    const core = testCore(dir);
    const session = await ok(core, 'session:login', { ...signIn, repairIndexes: true });
    expect(session.repaired?.damaged).toEqual(['audit_events_action_idx']);
    expect(session.condition?.code).toBe('ARCHIVE_ROLLED_BACK');
    await ok(core, 'archive:accept-rollback', {});
    const next = await ok(core, 'dossier:create', { title: '接受之后' });
    expect(next.archiveNumber > lost.archiveNumber).toBe(true);
    await core.close();
  });
});
