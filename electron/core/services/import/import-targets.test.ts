import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, openSheet, switchTo } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();

/** Headers as clerks' everyday sheets have them – none is a field's own label. */
const HEADER = ['姓名', '手机', '身份证号', '车架号', '车牌', '购车日期', '部门'];
const vin = (i: number) => `LSVAU2180N${String(i).padStart(7, '0')}`;

function csv(rows: string[][]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
}

async function open(core: Core, rows: string[][]): Promise<string> {
  return (await openSheet(core, 'sheet.csv', csv(rows))).importId;
}

async function withDepartments(): Promise<Core> {
  const core = await newArchive(tempDir());
  await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
  await ok(core, 'department:create', { code: 'SHB', name: '售后部', parentCode: null });
  return core;
}

describe('where imported dossiers go, and whom they are filed under', () => {
  it('maps everyday headers by themselves and files rows into the department chosen, or the one a column names', async () => {
    const core = await withDepartments();
    const importId = await open(core, [
      HEADER,
      ['张三', '13800138000', '', vin(1), '沪A10001', '2026/11/2', ''],
      ['李四', '13900139000', '', vin(2), '沪A10002', '2026/11/3', '售后部'],
      ['王五', '13700137000', '', vin(3), '沪A10003', '2026/11/4', 'shb'],
    ]);
    expect(await ok(core, 'import:suggest-mapping', { importId, typeKey: 'vehicle-new' })).toEqual({
      姓名: { kind: 'field', key: 'customerName' },
      手机: { kind: 'field', key: 'phone' },
      身份证号: { kind: 'field', key: 'idNumber' },
      车架号: { kind: 'field', key: 'vin' },
      车牌: { kind: 'field', key: 'plate' },
      购车日期: { kind: 'field', key: 'deliveryDate' },
      部门: { kind: 'dossier', column: 'department' },
    });
    const result = await ok(core, 'import:run', { importId, typeKey: 'vehicle-new', departmentCode: 'XSB' });
    expect(result.imported).toBe(3);
    const departments = (await ok(core, 'dossier:list', { sort: { by: 'archiveNumber', direction: 'asc' } })).items.map((d) => d.department.code);
    expect(departments).toEqual(['XSB', 'SHB', 'SHB']);

    // A sales clerk sees exactly the sales department's dossier.
    await addUser(core, { login: 'xs', roles: ['staff'], departmentCode: 'XSB' });
    await switchTo(core, 'xs');
    expect((await ok(core, 'dossier:list', {})).total).toBe(1);
    await core.close();
  });

  it('refuses a row naming a department that does not exist', async () => {
    const core = await withDepartments();
    const importId = await open(core, [HEADER, ['张三', '13800138000', '', vin(1), '', '2026-11-02', '财务部']]);
    const check = await ok(core, 'import:check', { importId, typeKey: 'vehicle-new' });
    expect(check.problems).toEqual([{ row: 2, column: '部门', message: '没有部门“财务部”，或您无权为其建档', messageEn: 'There is no department "财务部", or you may not file dossiers for it' }]);
    await core.close();
  });

  it('says at once which required field has no column, instead of a problem in every row', async () => {
    const core = await withDepartments();
    const importId = await open(core, [['姓名', '手机'], ...Array.from({ length: 50 }, (_, i) => [`客户${i}`, '13800138000'])]);
    const check = await call(core, 'import:check', { importId, typeKey: 'vehicle-new' });
    expect(check).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请为必填字段指定对应的列：车架号（VIN）、交车日期' } });
    await core.close();
  });

  it('creates each customer once and files later dossiers under the customer already on file', async () => {
    const core = await withDepartments();
    const existing = await ok(core, 'customer:create', { kind: 'person', name: '李四', phones: ['13900139000'], departmentCode: 'XSB' });
    const importId = await open(core, [
      HEADER,
      ['张三', '13800138000', '11010519491231002X', vin(1), '', '2026-11-02', ''],
      // The same person again, by ID number (the phone changed).
      ['张三', '13811112222', '11010519491231002x', vin(2), '', '2026-11-03', ''],
      // A customer on file, by name and phone.
      ['李四', '13900139000', '', vin(3), '', '2026-11-04', ''],
      // Same name, another phone and no ID: another person.
      ['李四', '13700000000', '', vin(4), '', '2026-11-05', ''],
    ]);
    const result = await ok(core, 'import:run', { importId, typeKey: 'vehicle-new', departmentCode: 'XSB' });
    expect(result.customers).toEqual({ created: 2, linked: 2 });
    const customers = (await ok(core, 'customer:list', {})).items;
    expect(customers.map((c) => [c.name, c.dossierCount]).sort()).toEqual([
      ['张三', 2],
      ['李四', 1],
      ['李四', 1],
    ]);
    const onFile = await ok(core, 'customer:get', { id: existing.id });
    expect(onFile.dossiers.map((d) => d.archiveNumber)).toEqual([result.firstNumber?.replace(/1$/, '3')]);
    const [event] = (await ok(core, 'audit:list', { action: 'import:commit' })).items;
    expect(event?.summary).toMatchObject({ customers: { created: 2, linked: 2 } });
    await core.close();
  });

  it('imports the good rows and reports the rest when asked to; all or nothing otherwise', async () => {
    const core = await withDepartments();
    const rows = [HEADER, ['张三', '13800138000', '', vin(1), '', '2026-11-02', ''], ['李四', '123', '', vin(2), '', '2026-11-03', ''], ['王五', '13700137000', '', vin(1), '', '2026-02-30', '']];
    const importId = await open(core, rows);
    expect(await call(core, 'import:run', { importId, typeKey: 'vehicle-new' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await ok(core, 'dossier:list', {})).total).toBe(0);

    const result = await ok(core, 'import:run', { importId, typeKey: 'vehicle-new', skipBadRows: true });
    expect(result).toMatchObject({ imported: 1, skipped: 2 });
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [3, '手机'],
      [4, '购车日期'],
      [4, '车架号'],
    ]);
    expect(result.problems[2]?.message).toBe('车架号（VIN） LSVAU2180N0000001 已用于第 2 行');
    // The report after the import lists the rows left out – not the imported ones, now on file.
    const report = new TextDecoder().decode((await ok(core, 'import:report', { importId, typeKey: 'vehicle-new' })).bytes);
    expect(report.trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0])).toEqual(['3', '4', '4']);
    const [event] = (await ok(core, 'audit:list', { action: 'import:commit' })).items;
    expect(event?.summary).toMatchObject({ rows: 1, skippedRows: 2 });
    await core.close();
  });

  it('a row left out holds no VIN or number: a later good row with the same VIN goes in', async () => {
    const core = await withDepartments();
    const importId = await open(core, [HEADER, ['张三', '123', '', vin(1), '', '2026-11-02', ''], ['张三', '13800138000', '', vin(1), '', '2026-11-02', '']]);
    const result = await ok(core, 'import:run', { importId, typeKey: 'vehicle-new', skipBadRows: true });
    expect(result).toMatchObject({ imported: 1, skipped: 1 });
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, '手机']]);
    await core.close();
  });

  it('refuses a cell longer than its field allows, in the row and column it stands', async () => {
    const core = await withDepartments();
    const importId = await open(core, [['姓名', '手机', '车架号', '购车日期', '备注'], ['张三', '13800138000', vin(1), '2026-11-02', '长'.repeat(501)]]);
    const check = await ok(core, 'import:check', { importId, typeKey: 'vehicle-new' });
    expect(check.problems).toEqual([{ row: 2, column: '备注', message: '备注超过 500 字', messageEn: 'The remarks are longer than 500 characters' }]);
    await core.close();
  });

  it('keeps a VIN to one dossier whichever way it comes in: typed, imported or corrected', async () => {
    const core = await withDepartments();
    const typed = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '张三', phone: '13800138000', vin: vin(1), deliveryDate: '2026-11-02' } });
    const importId = await open(core, [HEADER, ['李四', '13900139000', '', vin(1).toLowerCase(), '', '2026-11-03', '']]);
    const check = await ok(core, 'import:check', { importId, typeKey: 'vehicle-new' });
    expect(check.problems[0]?.message).toBe('车架号（VIN） LSVAU2180N0000001 已用于档案库中已有的档案');

    const again = await call(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '李四', phone: '13900139000', vin: ` ${vin(1).toLowerCase()}`, deliveryDate: '2026-11-03' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fields.vin', message: `车架号（VIN） ${vin(1)} 已用于档案 ${typed.archiveNumber}` }] } });

    const other = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '李四', phone: '13900139000', vin: vin(2), deliveryDate: '2026-11-03' } });
    expect(await call(core, 'dossier:update', { archiveNumber: other.archiveNumber, fields: { vin: vin(1) } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Its own VIN again, or another field, is no conflict; a freed VIN can be used again.
    await ok(core, 'dossier:update', { archiveNumber: other.archiveNumber, fields: { vin: vin(2), plate: '沪A99999' } });
    await ok(core, 'dossier:update', { archiveNumber: typed.archiveNumber, fields: { vin: vin(3) } });
    await ok(core, 'dossier:update', { archiveNumber: other.archiveNumber, fields: { vin: vin(1) } });
    await core.close();
  });
});
