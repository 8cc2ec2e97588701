import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../../shared/contract';
import { defaultTypes } from '../types/default-types';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { findItem } from './checklist-items';

const suiteDir = useSuiteTempDir();
const now = new Date('2026-11-03T10:00:00+08:00');
let core: Core;
let archiveNumber = '';
let company = '';
let secret = '';

function intake(dossiers: InputOf<'intake:add'>['dossiers'], extra: Partial<InputOf<'intake:add'>> = {}): InputOf<'intake:add'> {
  return { fromDepartment: 'XSB', handedBy: { name: '销售小李' }, dossiers, handedBySignature: { name: '销售小李' }, receiverSignature: { name: '档案员小王' }, ...extra };
}

/** The refusal's code and the paths of the inputs it names. */
async function refusal(input: InputOf<'intake:add'>): Promise<[string, string[]]> {
  const result = await call(core, 'intake:add', input);
  if (result.ok) throw new Error('accepted');
  return [result.error.code, (result.error.issues ?? []).map((issue) => issue.path)];
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'audit', displayName: '审计小赵', roles: ['auditor'] });
  archiveNumber = (await ok(setup, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '张三', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02' }, departmentCode: 'XSB' })).archiveNumber;
  company = (await ok(setup, 'dossier:create', { typeKey: 'customer-org', fields: { customerName: '浦江物流有限公司', address: '上海市浦东新区', contactPerson: '赵经理', phone: '021-62345678' }, departmentCode: 'XSB' })).archiveNumber;
  secret = (await ok(setup, 'dossier:create', { title: '王五 机密档案', level: 3, departmentCode: 'XSB' })).archiveNumber;
  await addUser(setup, { login: 'audit-low', displayName: '审计小钱', roles: ['auditor'], clearance: 1 });
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: 'clerk', password: 'clerk-password-1' });
});

describe('intake refusals', () => {
  it('names the bad input: unknown department, user, dossier, checklist item; a trigger date needed or after the hand-over', async () => {
    expect(await refusal(intake([{ archiveNumber }], { fromDepartment: 'NOPE' }))).toEqual(['VALIDATION', ['fromDepartment']]);
    expect(await refusal(intake([{ archiveNumber }], { handedBy: { name: '某人', login: 'nobody' } }))).toEqual(['VALIDATION', ['handedBy.login']]);
    expect(await refusal(intake([{ archiveNumber }, { archiveNumber: 'XC-2026-404404' }]))).toEqual(['VALIDATION', ['dossiers.1.archiveNumber']]);
    expect(await refusal(intake([{ archiveNumber }, { archiveNumber }]))).toEqual(['VALIDATION', ['dossiers.1.archiveNumber']]);
    expect(await refusal(intake([{ archiveNumber, missing: ['invoiceCopy', '不存在的材料'] }]))).toEqual(['VALIDATION', ['dossiers.0.missing.1']]);
    expect(await refusal(intake([{ archiveNumber, missing: ['invoiceCopy'], present: ['购车发票复印件'] }]))).toEqual(['VALIDATION', ['dossiers.0.present.0']]);
    // New-customer filing runs from the first contact, a date its type does not keep: it must be given.
    expect(await refusal(intake([{ archiveNumber: company }]))).toEqual(['VALIDATION', ['dossiers.0.triggerDate']]);
    expect(await refusal(intake([{ archiveNumber, triggerDate: '2026-11-04' }]))).toEqual(['VALIDATION', ['dossiers.0.triggerDate']]);
    expect(await refusal(intake([{ archiveNumber }], { handedOverAt: '2026-11-04T10:00:00+08:00' }))).toEqual(['VALIDATION', ['handedOverAt']]);
    expect(await refusal(intake([]))).toEqual(['VALIDATION', ['dossiers']]);
    expect(await refusal(intake([{}]))).toEqual(['VALIDATION', ['dossiers.0.archiveNumber']]);
    expect(await refusal(intake([{ archiveNumber }], { receiverSignature: { name: '档案员小王', image: 'data:image/jpeg;base64,AAAA' } }))).toEqual(['VALIDATION', ['receiverSignature.image']]);
    expect((await ok(core, 'intake:list', {})).total).toBe(0);

    const filed = await ok(core, 'intake:add', intake([{ archiveNumber: company, triggerDate: '2026-10-26' }]));
    expect(filed.dossiers[0]).toMatchObject({ triggerDate: '2026-10-26', deadline: '2026-11-02', workdaysLate: 1 });
  });

  it('lets only whoever keeps the registers add an entry (FORBIDDEN for others, recorded); auditors read the book', async () => {
    for (const login of ['li', 'audit']) {
      await switchTo(core, login);
      expect(await call(core, 'intake:add', intake([{ archiveNumber }]))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await ok(core, 'intake:list', {})).intakes.map((i) => i.dossiers[0]?.archiveNumber)).toEqual([company]);
    expect((await ok(core, 'audit:list', { action: 'access:denied' })).items.map((e) => e.summary?.channel)).toEqual(['intake:add', 'intake:add']);
    // A staff member of another department sees nothing of the sales department's book.
    await switchTo(core, ADMIN.login, ADMIN.password);
    await addUser(core, { login: 'other', roles: ['staff'], departmentCode: 'DAS' });
    await switchTo(core, 'other');
    expect(await ok(core, 'intake:list', {})).toEqual({ intakes: [], total: 0 });
    expect(await call(core, 'intake:get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('checklist items by key or name', () => {
  const checklist = defaultTypes.find((type) => type.key === 'vehicle-new')?.checklist ?? [];
  it('finds an item by key, full name, or the name before its parenthesis', () => {
    expect(findItem(checklist, 'idCopy')?.key).toBe('idCopy');
    expect(findItem(checklist, '销售合同原件')?.key).toBe('salesContract');
    expect(findItem(checklist, ' 身份证复印件 ')?.key).toBe('idCopy');
    expect(findItem(checklist, '绿卡')?.key).toBe('greenCard');
    expect(findItem(checklist, '复印件')).toBeUndefined();
  });
});

describe('what readers without clearance see', () => {
  it('an entry shows only the dossiers the reader may see; the trail names the others nowhere', async () => {
    await switchTo(core, 'clerk');
    const both = await ok(core, 'intake:add', intake([{ archiveNumber: secret }, { archiveNumber: company, triggerDate: '2026-11-02' }], { shortageNote: '机密档案缺件' }));
    expect(both.dossiers.map((d) => d.archiveNumber)).toEqual([secret, company]);
    await switchTo(core, 'audit-low');
    const [entry] = (await ok(core, 'intake:list', { from: '2026-11-03' })).intakes.filter((i) => i.id === both.id);
    expect(entry?.dossiers.map((d) => d.archiveNumber)).toEqual([company]);
    expect(entry).toMatchObject({ hiddenDossiers: 1, shortageNote: null });
    expect((await ok(core, 'intake:get', { id: both.id })).dossiers.map((d) => d.archiveNumber)).toEqual([company]);
    const trail = await ok(core, 'audit:list', { action: 'intake:' });
    expect(JSON.stringify(trail)).not.toContain(secret);
    expect(JSON.stringify(trail)).not.toContain('王五');
  });
});
