import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, testCore } from '../../../tests/helpers/core';
import { copyDataFolder, damagePage, pagesOf } from '../../../tests/helpers/archive-faults';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { emptySigninState, lockedUntil } from '../vault/signin-state';
import { withExpiredTriesCounted, withTryFailed, withTryStarted } from '../vault/signin-tries';

const tempDir = useTempDirs();
const signIn = { login: ADMIN.login, password: ADMIN.password };
const WAL = ['archive.db-wal', 'archive.db-shm'];

describe('the edges a tester found', () => {
  it('a repair by one program: another that still has the old file open may not write into it', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    for (let i = 0; i < 20; i += 1) await ok(setup, 'dossier:create', { title: `张三的档案 ${i}` });
    await setup.close();
    damagePage(dir, (await pagesOf(dir, 'search_grams_data')).at(-1) ?? 0);
    const window = testCore(dir);
    await ok(window, 'session:login', signIn);
    const repairer = testCore(dir);
    await ok(repairer, 'session:login', signIn, 'cli');
    await ok(repairer, 'archive:repair-index', {}, 'cli');
    const refused = await call(window, 'department:create', { code: 'NEW', name: '新部门' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok ? '' : refused.error.messageEn).toContain('The archive file was replaced by another program');
    await ok(window, 'session:lock', {});
    expect((await ok(window, 'session:login', signIn)).condition).toBeNull();
    await ok(window, 'department:create', { code: 'NEW', name: '新部门' });
    await window.close();
    await repairer.close();
  });

  it('a refusal beside the queue is not written into a rolled-back archive, and the rollback stays reported', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await addUser(core, { login: 'shenji', roles: ['auditor'] });
    await core.close();
    const admin = testCore(dir);
    await ok(admin, 'session:login', signIn);
    await ok(admin, 'department:create', { code: 'WAL', name: '只在日志里' });
    const copy = tempDir();
    copyDataFolder(dir, copy, { without: WAL });
    await admin.close();
    const auditor = testCore(copy);
    expect((await ok(auditor, 'session:login', { login: 'shenji', password: passwordOf('shenji') })).condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    for (let i = 0; i < 3; i += 1) expect(await call(auditor, 'import:progress', { importId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await auditor.close();
    const again = testCore(copy);
    expect((await ok(again, 'session:login', signIn)).condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    await again.close();
  });

  it('accepting a rollback to before a password change keeps the password that works now', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    copyFileSync(join(dir, 'archive.db'), join(dir, 'old.db'));
    const core = testCore(dir);
    await ok(core, 'session:login', signIn);
    await ok(core, 'session:change-password', { currentPassword: ADMIN.password, newPassword: 'a-new-password-2' });
    await core.close();
    copyFileSync(join(dir, 'old.db'), join(dir, 'archive.db'));
    const rolled = testCore(dir);
    expect((await ok(rolled, 'session:login', { login: ADMIN.login, password: 'a-new-password-2' })).condition).toMatchObject({ code: 'ARCHIVE_ROLLED_BACK' });
    expect(await ok(rolled, 'archive:accept-rollback', {})).toMatchObject({ slotsRenewed: [ADMIN.login] });
    await rolled.close();
    const later = testCore(dir);
    expect((await ok(later, 'session:login', { login: ADMIN.login, password: 'a-new-password-2' })).condition).toBeNull();
    expect((await ok(later, 'archive:verify', {})).ok).toBe(true);
    await later.close();
  });

  it('a sign-in ended by a lock while another program holds the archive still reaches the trail', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    const notice = join(dir, 'writing.json');
    writeFileSync(notice, JSON.stringify({ writer: randomUUID(), pid: process.ppid, kind: 'import', startedAt: new Date().toISOString(), done: 1, total: 2 }));
    const core = testCore(dir);
    await ok(core, 'session:login', signIn, 'cli');
    await ok(core, 'session:lock', {}, 'cli');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(notice);
    await ok(core, 'session:login', signIn);
    const logins = (await ok(core, 'audit:list', { action: 'session:login' })).items;
    expect(logins.filter((e) => e.summary?.recordedLater === true)).toHaveLength(1);
    await core.close();
  });

  it('a notice left over by a dead import whose pid lives on does not block writing for ever', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const notice = join(dir, 'writing.json');
    writeFileSync(notice, JSON.stringify({ writer: randomUUID(), pid: process.ppid, kind: 'import', startedAt: '2020-01-01T00:00:00.000Z', done: 1, total: 2 }));
    expect(await call(core, 'dossier:create', { title: '导入中' })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_BUSY' } });
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(notice, old, old);
    await ok(core, 'dossier:create', { title: '不再等待' });
    await core.close();
  });

  it('a mark lost right after the archive was created is no false alarm', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    rmSync(join(dir, 'high-water.json'));
    const core = testCore(dir);
    expect((await ok(core, 'session:login', signIn)).condition).toBeNull();
    await core.close();
  });

  it('a read-only copy left by a killed program is removed when the next program starts; a running one keeps its own', async () => {
    const child = spawnSync(process.execPath, ['-e', '0']);
    const dead = join(tmpdir(), `dossierdesk-read-only-${child.pid ?? 0}-test`);
    const alive = join(tmpdir(), `dossierdesk-read-only-${process.ppid}-test`);
    for (const folder of [dead, alive]) mkdirSync(folder, { recursive: true });
    const core = testCore(tempDir());
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    rmSync(alive, { recursive: true });
    await core.close();
  });

  it('lockout: an expired try counts once, and decides before the next attempt is tried', () => {
    const now = new Date('2026-11-29T10:00:00Z');
    const attempt = { at: now.toISOString(), login: 'x', frontDoor: 'cli' as const, reason: 'wrong-password' as const };
    let state = emptySigninState();
    for (let i = 0; i < 4; i += 1) {
      const started = withTryStarted(state, 'a', attempt, now);
      if (started.kind !== 'trying') throw new Error('expected a try');
      state = withTryFailed(started.state, 'a', started.tryId, now).state;
    }
    const slow = withTryStarted(state, 'a', attempt, now);
    if (slow.kind !== 'trying') throw new Error('expected a try');
    const later = new Date(now.getTime() + 61_000);
    // The slow try expired: counted as the fifth wrong password, it locks the account before the next attempt is decided…
    const pruned = withExpiredTriesCounted(slow.state, 'a', later);
    expect(lockedUntil(pruned, 'a', later)).not.toBeNull();
    // … and when the slow try's answer finally comes, it is not counted a second time.
    expect(withTryFailed(pruned, 'a', slow.tryId, later)).toEqual({ state: pruned, lockedUntil: null });
  });
});
