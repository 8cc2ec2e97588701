import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { TypeDefinition } from '../../../../shared/dossier-types';

const tempDir = useTempDirs();
const car = { customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02' };

describe('dossier types (档案类型)', () => {
  it('ships the six default types with stable ids, their fields and checklists', async () => {
    const core = await newArchive(tempDir());
    const types = await ok(core, 'type:list', {});
    expect(types.map((t) => [t.key, t.name, t.version])).toEqual([
      ['vehicle-new', '新车档案', 1],
      ['vehicle-service', '售后档案', 1],
      ['property', '房产客户档案', 1],
      ['customer-org', '企业客户档案', 1],
      ['partner', '合作伙伴档案', 1],
      ['incident', '事件档案', 1],
    ]);
    for (const type of types) expect(type.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['customerName', 'phone', 'address']));
    const vehicle = types.find((t) => t.key === 'vehicle-new');
    expect(vehicle?.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['idNumber', 'vin', 'plate', 'model', 'deliveryDate']));
    expect(vehicle?.checklist).toHaveLength(12);
    expect(types.find((t) => t.key === 'property')?.groups.map((g) => g.key)).toEqual(['sales', 'repair', 'other', 'rental', 'history']);
    await core.close();
  });

  it('a changed type is a new version: old dossiers keep theirs and stay editable, new ones get the new one', async () => {
    const core = await newArchive(tempDir());
    const old = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: car });
    const current = (await ok(core, 'type:list', {})).find((t) => t.key === 'vehicle-new');
    if (!current) throw new Error('no vehicle-new');
    const { version: _version, active: _active, ...definition } = current;
    const changed: TypeDefinition = {
      ...definition,
      fields: [...definition.fields.filter((f) => f.key !== 'model'), { key: 'colour', label: '车身颜色', kind: 'choice', choices: ['白', '黑', '红'], required: true, sensitive: false }],
      checklist: [...definition.checklist, { key: 'keyHandover', name: '钥匙交接单', requirement: 'required', expected: 'original' }],
    };
    expect(await ok(core, 'type:save', { definition: changed })).toMatchObject({ key: 'vehicle-new', version: 2 });

    // The old dossier still has v1: its checklist, its fields; editing does not demand the new required field.
    const before = await ok(core, 'dossier:get', { archiveNumber: old.archiveNumber });
    expect(before.checklist).toHaveLength(12);
    expect(before.fields.map((f) => f.key)).toContain('model');
    expect(await ok(core, 'dossier:update', { archiveNumber: old.archiveNumber, fields: { model: '帕萨特' } })).toMatchObject({ archiveNumber: old.archiveNumber });

    // A new dossier follows v2.
    expect(await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183295' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fresh = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183295', colour: '白' } });
    const after = await ok(core, 'dossier:get', { archiveNumber: fresh.archiveNumber });
    expect(after.checklist).toHaveLength(13);
    expect(after.missingItems.map((m) => m.key)).toContain('keyHandover');
    expect((await ok(core, 'audit:list', { action: 'type:save' })).items[0]).toMatchObject({ target: { label: '新车档案' }, summary: { version: 2 } });
    await core.close();
  });

  it('refuses a definition that cannot work, and refuses people who may not manage types', async () => {
    const core = await newArchive(tempDir());
    const current = (await ok(core, 'type:list', {}))[0];
    if (!current) throw new Error('no type');
    const { version: _version, active: _active, ...definition } = current;
    const broken = await call(core, 'type:save', { definition: { ...definition, numbering: 'XC-{colour}-{seq:4}' } });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'type:save', { definition: { ...definition, defaultLevel: 7 } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await addUser(core, { login: 'clerk', roles: ['clerk'], clearance: 2 });
    await switchTo(core, 'clerk');
    expect(await call(core, 'type:save', { definition })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(core, 'type:list', {})).map((t) => t.version)).toEqual([1, 1, 1, 1, 1, 1]);
    await core.close();
  });

  it('an archive made before a shipped type existed receives it at the next sign-in', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    await ok(core, 'session:lock', {});
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare("DELETE FROM dossier_type_versions WHERE type_id = (SELECT id FROM dossier_types WHERE key = 'partner')").run();
    raw.prepare("DELETE FROM dossier_types WHERE key = 'partner'").run();
    raw.close();
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect((await ok(core, 'type:list', {})).map((t) => t.key)).toContain('partner');
    const installs = (await ok(core, 'audit:list', { action: 'type:install' })).items;
    expect(installs[0]?.summary).toEqual({ types: ['partner 合作伙伴档案'] });
    await core.close();
  });

  it('a field newly marked unique takes the values on file, and is refused while two dossiers share one', async () => {
    const core = await newArchive(tempDir());
    const first = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, plate: '沪A12345' } });
    await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183295', plate: '沪a 12345' } });
    const current = (await ok(core, 'type:list', {})).find((t) => t.key === 'vehicle-new');
    if (!current) throw new Error('no vehicle-new');
    const { version: _version, active: _active, ...definition } = current;
    const uniquePlate: TypeDefinition = { ...definition, fields: definition.fields.map((f) => (f.key === 'plate' ? { ...f, unique: true } : f)) };
    expect(await call(core, 'type:save', { definition: uniquePlate })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '“车牌号”不能设为唯一：已有多份档案使用相同的值（沪A12345：2 份）' },
    });
    await ok(core, 'dossier:update', { archiveNumber: first.archiveNumber, fields: { plate: '沪B00001' } });
    expect(await ok(core, 'type:save', { definition: uniquePlate })).toMatchObject({ version: 2 });
    const again = await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183296', plate: '沪B00001' } });
    expect(again).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.plate', message: `车牌号 沪B00001 已用于档案 ${first.archiveNumber}` }] } });
    // The older dossier, made with version 1, is bound by it too: corrected, it keeps its value on record …
    await ok(core, 'dossier:update', { archiveNumber: first.archiveNumber, remarks: '已核对' });
    expect(await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183297', plate: '沪B00001' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // … and cannot take a plate another dossier holds.
    const other = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { ...car, vin: 'LSVAU2180N2183298', plate: '沪C00002' } });
    expect(await call(core, 'dossier:update', { archiveNumber: first.archiveNumber, fields: { plate: '沪C00002' } })).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.plate', message: `车牌号 沪C00002 已用于档案 ${other.archiveNumber}` }] } });
    await core.close();
  });
});
