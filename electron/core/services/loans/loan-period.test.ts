import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
/** The day before the National Day holiday of 2026 (1–7 October). */
const now = new Date('2026-09-30T09:00:00+08:00');
let core: Core;
const numbers = { plain: '', secret: '', vehicle: '' };

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  numbers.plain = (await ok(setup, 'dossier:create', { title: '张三 内部档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  numbers.secret = (await ok(setup, 'dossier:create', { title: '李四 秘密档案', level: 2, departmentCode: 'XSB' })).archiveNumber;
  const vehicle = { customerName: '王五', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-09-01' };
  numbers.vehicle = (await ok(setup, 'dossier:create', { typeKey: 'vehicle-new', fields: vehicle, level: 1, departmentCode: 'XSB' })).archiveNumber;
  // 秘密 dossiers go out for a day, new-vehicle dossiers for two; the rest for the general three.
  await ok(setup, 'settings:update', { loanPeriods: { byLevel: { '2': 1 }, byType: { 'vehicle-new': 2 } } });
  await setup.close();
  core = testCore(dir, { now: () => now });
});

describe('the loan period per level and per type', () => {
  it('tells the request dialog the longest period for each dossier: the shortest rule that applies', async () => {
    await ok(core, 'session:login', { login: 'li', password: 'li-password-1' });
    expect(await ok(core, 'loan:period-limit', { archiveNumber: numbers.plain })).toEqual({ archiveNumber: numbers.plain, maxDays: 3, limitedBy: 'general' });
    expect(await ok(core, 'loan:period-limit', { archiveNumber: numbers.secret })).toMatchObject({ maxDays: 1, limitedBy: 'level' });
    expect(await ok(core, 'loan:period-limit', { archiveNumber: numbers.vehicle })).toMatchObject({ maxDays: 2, limitedBy: 'type' });
  });

  it('refuses a longer period, and gives a loan asked without one the longest it may have', async () => {
    const tooLong = await call(core, 'approval:request', { archiveNumber: numbers.secret, kind: 'consultation', purpose: '查阅', days: 2 });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'days' }] } });
    expect(tooLong.ok ? '' : tooLong.error.message).toContain('最长 1 天（按此档案的密级）');
    expect(await ok(core, 'approval:request', { archiveNumber: numbers.vehicle, kind: 'loan', purpose: '核对合同' })).toMatchObject({ periodDays: 2 });
  });

  it('is kept as settings the administrator checks', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await call(core, 'settings:update', { loanPeriods: { byLevel: { secret: 1 }, byType: {} } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'settings:update', { loanPeriods: { byLevel: {}, byType: { 'vehicle-new': 0 } } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('moves a due day that falls on a holiday to the next working day', async () => {
    await switchTo(core, 'clerk');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.plain, kind: 'loan', purpose: '节前借阅', requester: 'li', days: 1 });
    await switchTo(core, 'xsdm');
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: '李' } })).toMatchObject({ dueOn: '2026-10-08' });
  });
});
