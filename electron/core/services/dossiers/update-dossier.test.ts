import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const car = { customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02', plate: '沪A12345' };

describe('correcting a dossier after it is created', () => {
  it('changes title, fields, retention, carrier, remarks and department – each change audited before and after', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
    const detail = await ok(core, 'dossier:update', {
      archiveNumber,
      title: '张三 沪A12345 新车档案（补）',
      fields: { phone: '021-62345678', model: '帕萨特' },
      retention: { kind: 'permanent' },
      carrier: 'both',
      remarks: '已核对',
      departmentCode: 'XSB',
    });
    expect(detail).toMatchObject({ archiveNumber, title: '张三 沪A12345 新车档案（补）', retention: { kind: 'permanent' }, carrier: 'both', remarks: '已核对', department: { code: 'XSB' } });
    expect(detail.fields.find((f) => f.key === 'phone')?.value).toBe('021-62345678');
    const [event] = (await ok(core, 'audit:list', { action: 'dossier:update' })).items;
    expect(event?.summary).toEqual({
      before: { title: '张三 沪A12345 新车档案', carrier: 'paper', remarks: null, retention: '30年', department: 'DAS', fields: { phone: '13800138000', model: null } },
      after: { title: '张三 沪A12345 新车档案（补）', carrier: 'both', remarks: '已核对', retention: '永久', department: 'XSB', fields: { phone: '021-62345678', model: '帕萨特' } },
    });
    await core.close();
  });

  it('keeps a title made from the fields in step with them, and a title typed by hand as typed', async () => {
    const core = await newArchive(tempDir());
    const made = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
    expect((await ok(core, 'dossier:update', { archiveNumber: made.archiveNumber, fields: { customerName: '张叁' } })).title).toBe('张叁 沪A12345 新车档案');
    const typed = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', title: '张三的车', fields: { ...car, vin: 'LSVAU2180N2183295' } });
    expect((await ok(core, 'dossier:update', { archiveNumber: typed.archiveNumber, fields: { customerName: '张叁' } })).title).toBe('张三的车');
    await core.close();
  });

  it('still enforces every rule: required fields, formats, the archive number', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
    expect(await call(core, 'dossier:update', { archiveNumber, fields: { customerName: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fields.customerName' }] } });
    expect(await call(core, 'dossier:update', { archiveNumber, fields: { deliveryDate: '2026-02-30' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'dossier:update', { archiveNumber, openedOn: '2026-13-45' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'dossier:update', { archiveNumber, retention: { kind: 'years', years: 0 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'dossier:update', { archiveNumber, archiveNumberNew: 'X' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok(core, 'dossier:get', { archiveNumber })).fields.find((f) => f.key === 'customerName')?.value).toBe('张三');
    await core.close();
  });

  it('moving a dossier to another department needs that permission, and is refused and recorded otherwise', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
    await addUser(core, { login: 'scan', roles: ['scanner'] });
    await switchTo(core, 'scan');
    // A scanner may correct the description, not move the dossier away.
    await ok(core, 'dossier:update', { archiveNumber, remarks: '扫描已核对', departmentCode: 'DAS' });
    expect(await call(core, 'dossier:update', { archiveNumber, departmentCode: 'XSB' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, ADMIN.login, ADMIN.password);
    const [refusal] = (await ok(core, 'audit:list', { action: 'access:denied' })).items;
    expect(refusal).toMatchObject({ user: { login: 'scan' }, target: { label: archiveNumber } });
    expect((await ok(core, 'dossier:get', { archiveNumber })).department.code).toBe('DAS');
    await core.close();
  });
});
