import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, passwordOf, switchTo, testCore } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { archivePaths } from '../../vault/archive-files';
import { findSlot, readKeySlotFile } from '../../vault/key-slots';

const tempDir = useTempDirs();

describe('users', () => {
  it('disabling removes the key slot; the user cannot sign in; their history stays attributable', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await addUser(core, { login: 'lisi', displayName: '李四', roles: ['clerk'] });
    await switchTo(core, 'lisi');
    await ok(core, 'dossier:create', { title: '李四建的档案' });
    await switchTo(core, ADMIN.login, ADMIN.password);

    const disabled = await ok(core, 'user:disable', { login: 'lisi' });
    expect(disabled.status).toBe('disabled');
    expect(findSlot(readKeySlotFile(archivePaths(dir).keySlots), 'lisi')).toBeUndefined();
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    const created = (await ok(core, 'audit:list', { user: 'lisi', action: 'dossier:create' })).items[0];
    expect(created?.user).toMatchObject({ login: 'lisi', displayName: '李四', department: 'DAS' });
    expect((await ok(core, 'dossier:list', {})).items[0]?.createdBy.displayName).toBe('李四');

    await ok(core, 'session:lock', {});
    expect(await call(core, 'session:login', { login: 'lisi', password: passwordOf('lisi') })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });

    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    await ok(core, 'user:enable', { login: 'lisi', password: 'a-new-start-1', mustChangePassword: false });
    await switchTo(core, 'lisi', 'a-new-start-1');
    await core.close();
  });

  it('a signed-in user who gets disabled elsewhere loses the session at the next call', async () => {
    const dir = tempDir();
    const workstation = await newArchive(dir);
    await addUser(workstation, { login: 'wangwu', roles: ['clerk'] });
    await switchTo(workstation, 'wangwu');
    await ok(workstation, 'dossier:list', {});

    // Another program on the same archive (the CLI, a second workstation) disables the account.
    const other = testCore(dir);
    await ok(other, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    await ok(other, 'user:disable', { login: 'wangwu' });
    await other.close();

    const refused = await call(workstation, 'dossier:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '账户已停用' } });
    expect(await ok(workstation, 'session:status', {})).toMatchObject({ session: null });
    await workstation.close();
  });

  it('keeps someone able to manage users, and nobody can disable themselves', async () => {
    const core = await newArchive(tempDir());
    expect(await call(core, 'user:disable', { login: ADMIN.login })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'user:update', { login: ADMIN.login, roles: ['clerk'] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await addUser(core, { login: 'admin2', roles: ['admin'] });
    await ok(core, 'user:update', { login: ADMIN.login, roles: ['admin', 'clerk'] });
    await ok(core, 'user:disable', { login: 'admin2' });
    expect((await ok(core, 'user:list', {})).map((u) => [u.login, u.status])).toEqual([
      ['admin', 'active'],
      ['admin2', 'disabled'],
    ]);
    await core.close();
  });

  it('security roles exist only with three-role separation; clearance must be on the scale', async () => {
    const core = await newArchive(tempDir());
    expect(await call(core, 'user:create', { login: 'sec', displayName: '安全', roles: ['security-admin'], departmentCode: 'DAS', clearance: 0, password: passwordOf('sec') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call(core, 'user:create', { login: 'hi', displayName: '高', roles: ['staff'], departmentCode: 'DAS', clearance: 7, password: passwordOf('hi') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await call(core, 'user:create', { login: 'nodept', displayName: '无', roles: ['staff'], departmentCode: 'NOPE', clearance: 1, password: passwordOf('nodept') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await core.close();
  });

  it('a role change applies to the signed-in user at once', async () => {
    const core = await newArchive(tempDir());
    await addUser(core, { login: 'zhaoliu', roles: ['clerk'] });
    await switchTo(core, 'zhaoliu');
    await ok(core, 'dossier:create', { title: '可以建档' });
    // Another administrator session is simulated by switching: the clerk's roles change meanwhile.
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'user:update', { login: 'zhaoliu', roles: ['staff'] });
    await switchTo(core, 'zhaoliu');
    expect(await call(core, 'dossier:create', { title: '不再可以' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.close();
  });
});

describe('departments', () => {
  it('a department sees its own dossiers and those of its sub-departments, not its parent’s or siblings’', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'xsb', name: '销售部' });
    await ok(core, 'department:create', { code: 'XSB1', name: '销售一部', parentCode: 'XSB' });
    await ok(core, 'department:create', { code: 'XSB2', name: '销售二部', parentCode: 'XSB' });
    for (const code of ['XSB', 'XSB1', 'XSB2']) await ok(core, 'dossier:create', { title: `${code} 的档案`, departmentCode: code, level: 1 });
    await addUser(core, { login: 'boss', roles: ['dept-manager'], departmentCode: 'XSB', clearance: 1 });
    await addUser(core, { login: 'team1', roles: ['staff'], departmentCode: 'XSB1', clearance: 1 });

    await switchTo(core, 'boss');
    expect((await ok(core, 'dossier:list', {})).items.map((d) => d.department.code).sort()).toEqual(['XSB', 'XSB1', 'XSB2']);
    await switchTo(core, 'team1');
    expect((await ok(core, 'dossier:list', {})).items.map((d) => d.department.code)).toEqual(['XSB1']);
    await core.close();
  });

  it('codes are unique and upper-case; a department cannot move below itself', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    await ok(core, 'department:create', { code: 'XSB1', name: '销售一部', parentCode: 'XSB' });
    expect(await call(core, 'department:create', { code: 'xsb', name: '重复' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await call(core, 'department:update', { code: 'XSB', parentCode: 'XSB1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'department:update', { code: 'XSB', parentCode: 'XSB' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const renamed = await ok(core, 'department:update', { code: 'XSB1', name: '销售一部（华东）', parentCode: null });
    expect(renamed).toMatchObject({ code: 'XSB1', name: '销售一部（华东）', parentCode: null });
    expect((await ok(core, 'department:list', {})).map((d) => d.code)).toEqual(['DAS', 'XSB', 'XSB1']);
    await core.close();
  });
});
