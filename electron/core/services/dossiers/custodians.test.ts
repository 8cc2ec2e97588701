import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('custodians (保管人) of marked dossiers', () => {
  it('offers the archive clerk everyone who may hold the dossier, by name and department only', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
    await addUser(core, { login: 'clerk', displayName: '李档案', roles: ['clerk'], clearance: 3 });
    await addUser(core, { login: 'keeper', displayName: '周保管', roles: ['staff'], departmentCode: 'DAS', clearance: 4 });
    await addUser(core, { login: 'low', displayName: '吴内部', roles: ['clerk'], clearance: 1 });
    await addUser(core, { login: 'sales', displayName: '郑销售', roles: ['staff'], departmentCode: 'XSB', clearance: 4 });
    await addUser(core, { login: 'gone', displayName: '冯离职', roles: ['clerk'], clearance: 4 });
    await ok(core, 'user:disable', { login: 'gone' });
    await switchTo(core, 'clerk');

    const candidates = await ok(core, 'user:custodian-candidates', { level: 3, departmentCode: 'DAS' });
    expect(candidates.map((c) => c.login).sort()).toEqual(['admin', 'clerk', 'keeper']);
    expect(Object.keys(candidates[0] ?? {}).sort()).toEqual(['department', 'displayName', 'login']);
    // For a sales dossier the sales colleague qualifies too.
    expect((await ok(core, 'user:custodian-candidates', { level: 3, departmentCode: 'XSB' })).map((c) => c.login)).toContain('sales');

    // Nobody learns who is cleared beyond their own clearance.
    expect(await call(core, 'user:custodian-candidates', { level: 4, departmentCode: 'DAS' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const marked = await ok(core, 'dossier:create', { title: '机密档案', level: 3, custodian: 'keeper' });
    expect((await ok(core, 'dossier:get', { archiveNumber: marked.archiveNumber })).custodian).toEqual({ login: 'keeper', displayName: '周保管' });
    expect(await call(core, 'dossier:create', { title: '机密档案二', level: 3, custodian: 'low' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'custodian' }] } });
    expect(await call(core, 'dossier:create', { title: '机密档案三', level: 3, custodian: 'sales' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await core.close();
  });

  it('a custodian who may not hold the dossier at a higher level must be replaced when it is raised', async () => {
    const core = await newArchive(tempDir());
    await addUser(core, { login: 'three', roles: ['staff'], clearance: 3 });
    const dossier = await ok(core, 'dossier:create', { title: '机密档案', level: 3, custodian: 'three' });
    expect(await call(core, 'dossier:classify', { archiveNumber: dossier.archiveNumber, level: 4 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const raised = await ok(core, 'dossier:classify', { archiveNumber: dossier.archiveNumber, level: 4, custodian: 'admin' });
    expect(raised.custodian?.login).toBe('admin');
    await core.close();
  });

  it('a dossier cannot move to a department its custodian may not see', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
    await ok(core, 'department:create', { code: 'SHB', name: '售后部', parentCode: null });
    await addUser(core, { login: 'manager', roles: ['staff'], departmentCode: 'XSB', clearance: 4 });
    const dossier = await ok(core, 'dossier:create', { title: '销售机密', level: 3, departmentCode: 'XSB', custodian: 'manager' });
    expect(await call(core, 'dossier:update', { archiveNumber: dossier.archiveNumber, departmentCode: 'SHB' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'custodian' }] } });
    await ok(core, 'dossier:classify', { archiveNumber: dossier.archiveNumber, custodian: 'admin' });
    expect((await ok(core, 'dossier:update', { archiveNumber: dossier.archiveNumber, departmentCode: 'SHB' })).department.code).toBe('SHB');
    await core.close();
  });
});
