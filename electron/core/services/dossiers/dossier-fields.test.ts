import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const flat = {
  customerName: '赵六',
  phone: '13700137000',
  idNumber: '11010519491231002X',
  garden: '翠苑',
  building: '3',
  unit: '2',
  room: '1501',
  healthStatus: '高血压，需无障碍通道',
  income: '年收入约 40 万',
};

describe('subject fields of a dossier', () => {
  it('checks fields by kind and role, listing every problem at once', async () => {
    const core = await newArchive(tempDir());
    const result = await call(core, 'dossier:create', {
      typeKey: 'vehicle-new',
      fields: { customerName: '张三', phone: '62345678', vin: 'LSVAU2180N218329I', deliveryDate: '2026-02-30', colour: '红' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    const paths = (result.error.issues ?? []).map((i) => i.path).sort();
    expect(paths).toEqual(['fields.colour', 'fields.deliveryDate', 'fields.phone', 'fields.vin']);
    expect(result.error.message).toContain('区号');
    expect((await ok(core, 'dossier:list', {})).total).toBe(0);
    await core.close();
  });

  it('normalises what clerks type: phones with area codes, ID numbers, plates, VINs, dates', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', {
      typeKey: 'vehicle-new',
      fields: { customerName: '张三', phone: '021-6234 5678， 13800138000', vin: 'lsvau2180n2183294', deliveryDate: '2026/11/2', plate: '沪a 12345' },
    });
    const detail = await ok(core, 'dossier:get', { archiveNumber });
    const value = (key: string) => detail.fields.find((f) => f.key === key)?.value;
    expect([value('phone'), value('vin'), value('deliveryDate'), value('plate')]).toEqual(['021-6234 5678，13800138000', 'LSVAU2180N2183294', '2026-11-02', '沪A12345']);
    expect(detail.title).toBe('张三 沪A12345 新车档案');
    await core.close();
  });

  it('masks sensitive personal fields; a reveal shows one value and is recorded without it', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'property', fields: flat });
    const detail = await ok(core, 'dossier:get', { archiveNumber });
    const field = (key: string) => detail.fields.find((f) => f.key === key);
    expect(field('healthStatus')).toMatchObject({ sensitive: true, masked: true, value: null });
    expect(field('familyStatus')).toMatchObject({ sensitive: true, masked: false, value: null });
    expect(field('customerName')).toMatchObject({ sensitive: false, value: '赵六' });
    expect(JSON.stringify(detail)).not.toContain('高血压');

    await addUser(core, { login: 'clerk', roles: ['clerk'], clearance: 2 });
    await addUser(core, { login: 'scanner', roles: ['scanner'], clearance: 2 });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'dossier:reveal-field', { archiveNumber, fieldKey: 'healthStatus' })).toEqual({ value: '高血压，需无障碍通道' });
    // Someone without the reveal permission cannot, and the attempt is recorded as denied.
    await switchTo(core, 'scanner');
    expect(await call(core, 'dossier:reveal-field', { archiveNumber, fieldKey: 'income' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await switchTo(core, 'admin', ADMIN.password);
    const reveals = (await ok(core, 'audit:list', { action: 'field:reveal' })).items;
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toMatchObject({ target: { label: archiveNumber }, summary: { field: 'healthStatus' } });
    expect(reveals[0]?.user?.login).toBe('clerk');
    expect(JSON.stringify(reveals)).not.toContain('高血压');
    expect((await ok(core, 'audit:list', { action: 'access:denied', user: 'scanner' })).items).toHaveLength(1);
    await core.close();
  });

  it('updates fields against the dossier’s own type version, auditing changed keys but never sensitive values', async () => {
    const core = await newArchive(tempDir());
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'property', fields: flat });
    const detail = await ok(core, 'dossier:update', { archiveNumber, fields: { phone: '13911112222', income: '年收入约 60 万' }, classification: '重点', remarks: '老客户' });
    expect(detail).toMatchObject({ classification: '重点', remarks: '老客户', archiveNumber: '翠苑-3-2-1501' });
    expect(detail.fields.find((f) => f.key === 'phone')?.value).toBe('13911112222');
    const [event] = (await ok(core, 'audit:list', { action: 'dossier:update' })).items;
    expect(event?.summary).toEqual({
      before: { classification: null, remarks: null, fields: { phone: '13700137000', income: '***' } },
      after: { classification: '重点', remarks: '老客户', fields: { phone: '13911112222', income: '***' } },
    });
    // A required field cannot be emptied; an unknown classification is refused; nothing changes.
    expect(await call(core, 'dossier:update', { archiveNumber, fields: { customerName: '' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'dossier:update', { archiveNumber, classification: 'A' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok(core, 'dossier:get', { archiveNumber })).fields.find((f) => f.key === 'customerName')?.value).toBe('赵六');
    await core.close();
  });
});
