import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, switchTo, testCore } from '../../../../tests/helpers/core';
import { snapshot } from '../../../../tests/helpers/files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('lockout after wrong passwords', () => {
  it('locks after 5 wrong passwords for 15 minutes, refusing even the right one, then lets in again', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-23T09:00:00').getTime();
    const clock = () => new Date(now);
    const setup = await newArchive(dir, { now: clock });
    await addUser(setup, { login: 'lisi', roles: ['clerk'] });
    await setup.close();

    const core = testCore(dir, { now: clock });
    for (let i = 1; i <= 4; i += 1) {
      expect(await call(core, 'session:login', { login: 'lisi', password: 'wrong-password' }), `attempt ${i}`).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    }
    const fifth = await call(core, 'session:login', { login: 'lisi', password: 'wrong-password' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    if (!fifth.ok) expect(fifth.error.message).toContain('5 次');

    // The right password does not help while locked, and nothing is derived from it.
    const archiveBefore = snapshot(dir)['archive.db'];
    expect(await call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(snapshot(dir)['archive.db']).toBe(archiveBefore);
    // Other accounts are not affected.
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const listed = (await ok(core, 'user:list', {})).find((u) => u.login === 'lisi');
    expect(listed?.lockedUntil).toBe(new Date(now + 15 * 60_000).toISOString());
    await ok(core, 'session:lock', {});

    now += 15 * 60_000 + 1000;
    await ok(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') });
    await core.close();
  });

  it('every failed attempt reaches the audit trail at the next sign-in; the file holds no names', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    await addUser(setup, { login: 'zhangsan', roles: ['clerk'] });
    await setup.close();

    const core = testCore(dir);
    await call(core, 'session:login', { login: 'zhangsan', password: 'not-it-1' });
    await call(core, 'session:login', { login: 'mallory', password: 'guess-123' });
    const cli = testCore(dir);
    await cli.invoke('session:login', { login: 'zhangsan', password: 'not-it-2' }, 'cli');
    await cli.close();
    const state = readFileSync(join(dir, 'signin-state.json'), 'utf8');
    for (const word of ['zhangsan', 'mallory', 'not-it', 'guess']) expect(state).not.toContain(word);

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const failed = (await ok(core, 'audit:list', { action: 'session:login-failed' })).items.reverse();
    expect(failed.map((e) => [e.target?.label, e.summary?.reason, e.frontDoor])).toEqual([
      ['zhangsan', 'wrong-password', 'ui'],
      ['mallory', 'unknown-user', 'ui'],
      ['zhangsan', 'wrong-password', 'cli'],
    ]);
    expect(failed[0]?.summary).toMatchObject({ displayName: 'zhangsan' });
    // Imported once: signing in again does not repeat them.
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect((await ok(core, 'audit:list', { action: 'session:login-failed' })).items).toHaveLength(3);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    await core.close();
  });

  it('an administrator can lift a lock early; the lockout policy is a setting', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await ok(core, 'security:update-policy', { lockoutAttempts: 3, lockoutMinutes: 60 });
    await addUser(core, { login: 'wangwu', roles: ['staff'] });
    await ok(core, 'session:lock', {});
    for (let i = 0; i < 3; i += 1) await call(core, 'session:login', { login: 'wangwu', password: 'wrong-password' });
    expect(await call(core, 'session:login', { login: 'wangwu', password: passwordOf('wangwu') })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    await ok(core, 'user:unlock', { login: 'wangwu' });
    await switchTo(core, 'wangwu');
    await core.close();
  });
});

describe('passwords', () => {
  it('a new account must set its own password before anything else', async () => {
    const core = await newArchive(tempDir());
    await addUser(core, { login: 'newbie', roles: ['clerk'], mustChangePassword: true });
    await switchTo(core, 'newbie');
    expect((await ok(core, 'session:status', {})).session?.user.mustChangePassword).toBe(true);
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect((await ok(core, 'settings:get', {})).passwordMinLength).toBe(8);

    expect(await call(core, 'session:change-password', { currentPassword: passwordOf('newbie'), newPassword: passwordOf('newbie') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await ok(core, 'session:change-password', { currentPassword: passwordOf('newbie'), newPassword: 'my-own-password' });
    await ok(core, 'dossier:list', {});
    await switchTo(core, 'newbie', 'my-own-password');
    expect((await ok(core, 'session:status', {})).session?.user.mustChangePassword).toBe(false);
    await core.close();
  });

  it('the minimum length is a setting; a reset may not reuse the last password and forces a change', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'security:update-policy', { passwordMinLength: 12 });
    expect(await call(core, 'user:create', { login: 'shorty', displayName: '短', roles: ['staff'], departmentCode: 'DAS', clearance: 1, password: 'only-11-chr' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '密码至少 12 个字符' },
    });
    await addUser(core, { login: 'zhaoliu', roles: ['staff'], password: 'twelve-chars-ok' });
    expect(await call(core, 'user:reset-password', { login: 'zhaoliu', password: 'twelve-chars-ok' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const reset = await ok(core, 'user:reset-password', { login: 'zhaoliu', password: 'a-fresh-password' });
    expect(reset.mustChangePassword).toBe(true);
    expect(await call(core, 'user:reset-password', { login: ADMIN.login, password: 'a-fresh-password' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await switchTo(core, 'zhaoliu', 'a-fresh-password');
    expect(await call(core, 'dossier:list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    await core.close();
  });
});
