import { describe, expect, it } from 'vitest';
import { addUser, newArchive, ok, openSheet } from '../../../../tests/helpers/core';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('the audit trail in words', () => {
  it('names types, departments, levels, fields and checklist items instead of their codes', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: null });
    await addUser(core, { login: 'zhang', displayName: '张三', roles: ['clerk'], departmentCode: 'XSB', clearance: 3 });
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02' } });
    await ok(core, 'dossier:update', { archiveNumber, fields: { model: '帕萨特', idNumber: '11010519491231002X' }, departmentCode: 'XSB' });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'invoiceCopy' });
    const opened = await openSheet(core, '客户.csv', new TextEncoder().encode('客户名称,联系电话,车架号（VIN）,交车日期\r\n李四,13900139000,LSVAU2180N2183295,2026-11-03'));
    await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });

    const trail = (await ok(core, 'audit:list', {})).items;
    const words = (action: string) => trail.find((e) => e.action === action)?.description;
    expect(words('user:create')?.zh).toContain('部门：销售部（XSB）；知悉范围：机密');
    expect(words('user:create')?.zh).toContain('角色：档案管理员');
    expect(words('dossier:update')?.zh).toBe('修改前：（部门：档案室（DAS）；字段：（车型：—；身份证号/组织机构代码：—））；修改后：（部门：销售部（XSB）；字段：（车型：帕萨特；身份证号/组织机构代码：***））');
    expect(words('dossier:update')?.en).toContain('fields: (Model: 帕萨特; ID or organisation code: ***)');
    expect(words('document:add')?.zh).toContain('清单项：购车发票复印件');
    expect(words('import:commit')?.zh).toContain('档案类型：新车档案');
    expect(words('import:commit')?.en).toContain('type: New-vehicle dossier');
    // The dossier's own history reads the same.
    const history = (await ok(core, 'dossier:history', { archiveNumber })).items;
    expect(history.map((e) => e.action)).toEqual(['document:add', 'dossier:update', 'dossier:create']);
    expect(history[1]?.description.zh).toContain('车型：帕萨特');
    await core.close();
  });
});
