import { existsSync, mkdirSync, readFileSync, rmdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, switchTo, testCore } from '../../../../tests/helpers/core';
import { snapshot } from '../../../../tests/helpers/files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { readKeySlotFile, slotIdFor } from '../../vault/key-slots';

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

  it('a wrong current password when changing it counts as a wrong sign-in: five lock the account, and the trail says where they were typed', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await addUser(core, { login: 'lisi', roles: ['clerk'] });
    await switchTo(core, 'lisi');
    for (let i = 1; i <= 4; i += 1) {
      expect(await call(core, 'session:change-password', { currentPassword: `guess-number-${i}`, newPassword: 'lisi-new-password' }), `try ${i}`).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: '当前密码不正确' } });
    }
    expect(await call(core, 'session:change-password', { currentPassword: 'guess-number-5', newPassword: 'lisi-new-password' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // Locked: the right password changes nothing now, and signing in is refused as after five wrong sign-ins.
    expect(await call(core, 'session:change-password', { currentPassword: passwordOf('lisi'), newPassword: 'lisi-new-password' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await ok(core, 'session:lock', {});
    expect(await call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const failed = (await ok(core, 'audit:list', { action: 'session:login-failed' })).items.reverse();
    expect(failed.map((e) => [e.target?.label, e.summary?.reason, e.summary?.askedFor])).toEqual([
      ...[1, 2, 3, 4, 5].map(() => ['lisi', 'wrong-password', 'change-password']),
      ['lisi', 'locked', 'change-password'],
      ['lisi', 'locked', undefined],
    ]);
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

describe('attempts made at the same time', () => {
  it('20 wrong passwords at once from separate cores: 5 are tried, the rest refused before any key derivation, all 20 recorded', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    await addUser(setup, { login: 'lisi', roles: ['clerk'] });
    await setup.close();

    const cores = Array.from({ length: 20 }, () => testCore(dir));
    const answers = await Promise.all(cores.map((core) => call(core, 'session:login', { login: 'lisi', password: 'wrong-password' }, 'cli')));
    const messages = answers.map((a) => (a.ok ? 'OK' : `${a.error.code} ${a.error.messageEn}`));
    expect(messages.filter((m) => m.startsWith('WRONG_PASSWORD'))).toHaveLength(4);
    expect(messages.filter((m) => m.startsWith('LOCKED 5 wrong passwords in a row'))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith('LOCKED The account is locked'))).toHaveLength(15);
    await Promise.all(cores.map((core) => core.close()));

    const admin = testCore(dir);
    await ok(admin, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const reasons = (await ok(admin, 'audit:list', { action: 'session:login-failed' })).items.map((e) => e.summary?.reason);
    expect(reasons.filter((r) => r === 'wrong-password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(15);
    await admin.close();
  });

  it('8 right passwords at once (scripts) all get in: only wrong passwords count', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    await addUser(setup, { login: 'lisi', roles: ['clerk'] });
    await setup.close();

    const cores = Array.from({ length: 8 }, () => testCore(dir));
    const answers = await Promise.all(cores.map((core) => call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') }, 'cli')));
    expect(answers.map((a) => (a.ok ? 'OK' : a.error.code))).toEqual(Array(8).fill('OK'));
    await Promise.all(cores.map((core) => core.close()));
    const admin = testCore(dir);
    await ok(admin, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await ok(admin, 'audit:list', { action: 'session:login-failed' })).items).toHaveLength(0);
    await admin.close();
  });
});

describe('the sign-in state lock', () => {
  it('waits while another program holds it, and breaks one left behind by a killed program', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    const core = testCore(dir);
    const lock = join(dir, 'signin-state.json.lock');

    mkdirSync(lock);
    const held = Date.now();
    setTimeout(() => rmdirSync(lock), 300);
    expect(await call(core, 'session:login', { login: ADMIN.login, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(Date.now() - held).toBeGreaterThanOrEqual(300);

    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    expect(await call(core, 'session:login', { login: ADMIN.login, password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(existsSync(lock)).toBe(false);

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await ok(core, 'audit:list', { action: 'session:login-failed' })).items).toHaveLength(2);
    await core.close();
  });
});

describe('key slots checked against the database at sign-in', () => {
  /** An archive where lisi changed her password; returns the key slot file from before the change. */
  async function passwordChanged(dir: string): Promise<{ core: Core; oldSlots: string; currentSlots: string }> {
    const core = await newArchive(dir);
    await addUser(core, { login: 'lisi', roles: ['clerk'] });
    const oldSlots = readFileSync(join(dir, 'keyslots.json'), 'utf8');
    await switchTo(core, 'lisi');
    await ok(core, 'session:change-password', { currentPassword: passwordOf('lisi'), newPassword: 'lisi-new-password' });
    await ok(core, 'session:lock', {});
    return { core, oldSlots, currentSlots: readFileSync(join(dir, 'keyslots.json'), 'utf8') };
  }

  it('an old keyslots.json put back does not bring back a changed password: KEY_SLOT_STALE, not counted, recorded', async () => {
    const dir = tempDir();
    const { core, oldSlots, currentSlots } = await passwordChanged(dir);
    writeFileSync(join(dir, 'keyslots.json'), oldSlots);

    const archiveBefore = snapshot(dir)['archive.db'];
    for (let i = 1; i <= 6; i += 1) {
      const answer = await call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') });
      expect(answer, `attempt ${i}`).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_STALE' } });
    }
    expect(snapshot(dir)['archive.db']).toBe(archiveBefore);

    // The administrator (whose slot did not change) signs in; verify and the trail both name it.
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const slotsCheck = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'key-slots');
    expect(slotsCheck).toMatchObject({ ok: false });
    expect(slotsCheck?.messageEn).toContain('the key slot of user lisi does not match the database');
    const failed = (await ok(core, 'audit:list', { action: 'session:login-failed' })).items;
    expect(failed.map((e) => [e.target?.label, e.summary?.reason])).toEqual(Array.from({ length: 6 }, () => ['lisi', 'stale-slot']));

    // Six refusals did not lock the account: with the current file back, the new password works.
    await ok(core, 'session:lock', {});
    writeFileSync(join(dir, 'keyslots.json'), currentSlots);
    await switchTo(core, 'lisi', 'lisi-new-password');
    await core.close();
  });

  it('a slot put back beside the current one (twice in the file) confuses neither sign-in nor verify', async () => {
    const dir = tempDir();
    const { core, oldSlots, currentSlots } = await passwordChanged(dir);
    const current = readKeySlotFile(join(dir, 'keyslots.json'));
    const id = slotIdFor(current, 'lisi');
    const oldLisi = JSON.parse(oldSlots) as { slots: { id: string }[] };
    const stale = oldLisi.slots.find((s) => s.id === id);
    const fresh = current.slots.find((s) => s.id === id);
    const others = current.slots.filter((s) => s.id !== id);
    for (const order of [
      [fresh, stale],
      [stale, fresh],
    ]) {
      writeFileSync(join(dir, 'keyslots.json'), `${JSON.stringify({ ...JSON.parse(currentSlots), slots: [...others, ...order] }, null, 2)}\n`);
      expect(await call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') })).toMatchObject({ ok: false, error: { code: 'KEY_SLOT_STALE' } });
      await ok(core, 'session:login', { login: 'lisi', password: 'lisi-new-password' });
      await switchTo(core, ADMIN.login, ADMIN.password);
      const slotsCheck = (await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'key-slots');
      expect(slotsCheck?.ok).toBe(false);
      expect(slotsCheck?.messageEn).toContain('user lisi has 2 key slots instead of one');
      expect(slotsCheck?.messageEn).not.toContain('does not match');
      await ok(core, 'session:lock', {});
    }
    // A password reset writes one slot again.
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    await ok(core, 'user:reset-password', { login: 'lisi', password: 'lisi-reset-password' });
    expect(readKeySlotFile(join(dir, 'keyslots.json')).slots.filter((s) => s.id === id)).toHaveLength(1);
    expect((await ok(core, 'archive:verify', {})).checks.find((c) => c.name === 'key-slots')?.ok).toBe(true);
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
