import { closeSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, testCore } from '../../../../tests/helpers/core';
import { filesContaining, snapshot } from '../../../../tests/helpers/files';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { archivePaths } from '../../vault/archive-files';
import { findSlot, openSlot, readKeySlotFile } from '../../vault/key-slots';

const tempDir = useTempDirs();

describe('the encrypted archive (vault)', () => {
  it('first run creates the database and a key slot; the folder holds nothing else', async () => {
    const dir = join(tempDir(), 'data');
    const core = testCore(dir);
    expect(await ok(core, 'archive:status', {})).toEqual({ state: 'missing', dataDir: dir });
    const session = await ok(core, 'archive:create', { admin: ADMIN });
    expect(session.user).toMatchObject({ login: 'admin', displayName: ADMIN.displayName, roles: ['admin'] });
    expect(await ok(core, 'archive:status', {})).toEqual({ state: 'ready', dataDir: dir });
    await core.close();
    expect(Object.keys(snapshot(dir)).sort()).toEqual(['archive.db', 'high-water.json', 'keyslots.json', 'signin-state.json']);
    if (process.platform !== 'win32') {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      for (const file of ['archive.db', 'high-water.json', 'keyslots.json', 'signin-state.json']) expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
    }
  });

  it('refuses to create a second archive over an existing one', async () => {
    const dir = tempDir();
    const first = await newArchive(dir);
    await first.close();
    const before = snapshot(dir);
    const again = testCore(dir);
    expect(await call(again, 'archive:create', { admin: { ...ADMIN, login: 'other' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a database without its key slot file as incomplete and never deletes it', async () => {
    const dir = tempDir();
    await (await newArchive(dir)).close();
    rmSync(join(dir, 'keyslots.json'));
    const core = testCore(dir);
    expect(await ok(core, 'archive:status', {})).toMatchObject({ state: 'incomplete' });
    expect(await call(core, 'session:login', { login: 'admin', password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_INCOMPLETE' } });
    expect(await call(core, 'archive:create', { admin: ADMIN })).toMatchObject({ ok: false, error: { code: 'ARCHIVE_INCOMPLETE' } });
    expect(statSync(join(dir, 'archive.db')).size).toBeGreaterThan(0);
  });

  it('a wrong password is WRONG_PASSWORD; the database and key slots stay byte-identical', async () => {
    const dir = tempDir();
    const setup = await newArchive(dir);
    await ok(setup, 'dossier:create', { title: '李四的房产档案' });
    await setup.close();
    const before = snapshot(dir);

    const core = testCore(dir);
    for (const attempt of [
      { login: 'admin', password: 'not-the-password' },
      { login: 'nobody', password: ADMIN.password },
    ]) {
      const result = await call(core, 'session:login', attempt);
      expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD', message: '用户名或密码错误' } });
    }
    await core.close();
    const after = snapshot(dir);
    // Only the sign-in state records the attempts (counters, sealed records); nothing readable.
    expect({ ...after, 'signin-state.json': '' }).toEqual({ ...before, 'signin-state.json': '' });
    expect(after['signin-state.json']).not.toEqual(before['signin-state.json']);
    expect(filesContaining(dir, 'nobody')).toEqual([]);
  });

  it('the administrator adds users; each gets a key slot that opens the same archive', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    const user = await addUser(core, { login: 'ZhangSan', displayName: '张三', roles: ['clerk'], password: 'zhangsan-pass-1' });
    expect(user).toMatchObject({ login: 'zhangsan', roles: ['clerk'], status: 'active' });
    const slots = readKeySlotFile(archivePaths(dir).keySlots);
    expect(slots.slots).toHaveLength(2);
    const adminKey = await openSlot(slots, 'admin', ADMIN.password);
    const userKey = await openSlot(slots, 'zhangsan', 'zhangsan-pass-1');
    expect(userKey).toEqual(adminKey);

    await ok(core, 'session:lock', {});
    const session = await ok(core, 'session:login', { login: 'zhangsan', password: 'zhangsan-pass-1' });
    expect(session.user).toMatchObject({ displayName: '张三', roles: ['clerk'] });
    expect(session.user.permissions).toContain('dossier.create');
    expect(session.user.permissions).not.toContain('user.manage');
    await core.close();
  });

  it('changing a password rewraps only that user’s slot; the database is not re-keyed', async () => {
    const dir = tempDir();
    const paths = archivePaths(dir);
    const core = await newArchive(dir);
    await addUser(core, { login: 'lisi', displayName: '李四', roles: ['clerk'], password: 'lisi-password-1' });
    const slotsBefore = readKeySlotFile(paths.keySlots);
    const dataKey = await openSlot(slotsBefore, 'admin', ADMIN.password);

    expect(await call(core, 'session:change-password', { currentPassword: 'wrong-one', newPassword: 'admin-password-2' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD', message: '当前密码不正确' },
    });
    expect(readKeySlotFile(paths.keySlots)).toEqual(slotsBefore);

    await ok(core, 'session:change-password', { currentPassword: ADMIN.password, newPassword: 'admin-password-2' });
    const slotsAfter = readKeySlotFile(paths.keySlots);
    expect(findSlot(slotsAfter, 'lisi')).toEqual(findSlot(slotsBefore, 'lisi'));
    expect(findSlot(slotsAfter, 'admin')).not.toEqual(findSlot(slotsBefore, 'admin'));
    expect(await openSlot(slotsAfter, 'admin', 'admin-password-2')).toEqual(dataKey);
    await expect(openSlot(slotsAfter, 'admin', ADMIN.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });

    await ok(core, 'session:lock', {});
    expect(await call(core, 'session:login', { login: 'admin', password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    await ok(core, 'session:login', { login: 'admin', password: 'admin-password-2' });
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    await core.close();
  });

  it('reports a key slot file of another archive as WRONG_KEY, not as corruption', async () => {
    const a = tempDir();
    const b = tempDir();
    await (await newArchive(a)).close();
    await (await newArchive(b)).close();
    // Same administrator password in both archives: the slot opens, but its data key is the other archive's.
    writeFileSync(join(a, 'keyslots.json'), readFileSync(join(b, 'keyslots.json')));
    const { 'signin-state.json': _state, ...before } = snapshot(a);
    const signinState = readFileSync(join(a, 'signin-state.json'), 'utf8');
    const core = testCore(a);
    expect(await call(core, 'session:login', { login: 'admin', password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    await core.close();
    const { 'signin-state.json': _stateAfter, ...after } = snapshot(a);
    expect(after).toEqual(before);
    // The attempt was counted before the key was derived, then taken back: no wrong password.
    expect(readFileSync(join(a, 'signin-state.json'), 'utf8')).toBe(signinState);
  });
});

describe('verify', () => {
  it('passes on an intact archive', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'dossier:create', { title: '赵六的企业客户档案' });
    const report = await ok(core, 'archive:verify', {});
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual(['database-integrity', 'schema-version', 'key-slots', 'audit-trail', 'high-water-mark', 'scans']);
    await core.close();
  });

  it('finds a key slot restored from an old backup', async () => {
    const dir = tempDir();
    const paths = archivePaths(dir);
    const core = await newArchive(dir);
    const oldSlots = readFileSync(paths.keySlots);
    await ok(core, 'session:change-password', { currentPassword: ADMIN.password, newPassword: 'admin-password-2' });
    writeFileSync(paths.keySlots, oldSlots);
    const report = await ok(core, 'archive:verify', {});
    expect(report.ok).toBe(false);
    const slots = report.checks.find((c) => c.name === 'key-slots');
    expect(slots?.ok).toBe(false);
    expect(slots?.messageEn).toContain('admin');
    await core.close();
  });

  it('finds damaged database pages', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    for (let i = 0; i < 400; i += 1) await ok(core, 'dossier:create', { title: `档案 ${i} ${'内容'.repeat(40)}` });
    await core.close();

    // A leaf page of the dossiers table: signing in does not need to read it, verify does.
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    const page = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'dossiers' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3").pluck().get() as number;
    raw.close();
    const fd = openSync(archivePaths(dir).database, 'r+');
    writeSync(fd, Buffer.from('tampered!'), 0, 9, (page - 1) * 4096 + 100);
    closeSync(fd);

    const reopened = testCore(dir);
    await ok(reopened, 'session:login', { login: 'admin', password: ADMIN.password });
    const report = await ok(reopened, 'archive:verify', {});
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'database-integrity')?.ok).toBe(false);
    await reopened.close();
  });

});
