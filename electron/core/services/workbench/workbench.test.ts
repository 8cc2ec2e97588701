import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let now = new Date('2026-11-02T09:00:00+08:00');
let core: Core;
let lent = '';
let other = '';

async function as(login: string): Promise<void> {
  await switchTo(core, login, login === ADMIN.login ? ADMIN.password : undefined);
}

beforeAll(async () => {
  const { newArchive } = await import('../../../../tests/helpers/core');
  const setup = await newArchive(suiteDir());
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'zhou', displayName: '销售小周', roles: ['staff'], departmentCode: 'XSB' });
  const vehicle = (name: string, deliveryDate: string) => ({ typeKey: 'vehicle-new', departmentCode: 'XSB', fields: { customerName: name, phone: '13800138000', vin: `LSVAU2180N${String(name.length).padStart(7, '0')}`, plate: '沪A12345', deliveryDate } });
  lent = (await ok(setup, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  other = (await ok(setup, 'dossier:create', vehicle('李四', '2026-10-26'))).archiveNumber;
  await setup.close();
  core = testCore(suiteDir(), { now: () => now });
  await as('clerk');
  const signature = { name: '档案员小王' };
  // A hand-over a week after delivery (3 working days allowed), its invoice copy missing.
  await ok(core, 'intake:add', { fromDepartment: 'XSB', handedBy: { name: '销售小李' }, dossiers: [{ archiveNumber: other, missing: ['invoiceCopy'] }], handedBySignature: { name: '销售小李' }, receiverSignature: signature });
  const request = await ok(core, 'approval:request', { archiveNumber: lent, kind: 'loan', purpose: '核对合同', requester: 'li', days: 1 });
  await as('xsdm');
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await as('clerk');
  await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: '销售小李' } });
  await ok(core, 'approval:request', { archiveNumber: other, kind: 'consultation', purpose: '查阅', requester: 'zhou' });
});

describe('the workbench', () => {
  it('shows the clerk what is due today, late hand-overs, open shortages and recent intakes', async () => {
    now = new Date('2026-11-03T09:00:00+08:00');
    await as('clerk');
    const bench = await ok(core, 'workbench:get', {});
    expect(bench.today).toBe('2026-11-03');
    expect(bench.toDecide).toBeNull();
    expect(bench.dueToday.items.map((l) => l.archiveNumber)).toEqual([lent]);
    expect(bench.overdue.total).toBe(0);
    expect(bench.lateIntakes?.items[0]?.workdaysLate).toBeGreaterThan(0);
    expect(bench.shortages?.items.map((s) => [s.archiveNumber, s.item.key])).toEqual([[other, 'invoiceCopy']]);
    expect(bench.recentIntakes?.total).toBe(1);
  });

  it('shows the approver the requests to decide; staff their own loans and requests, nothing of the registers', async () => {
    now = new Date('2026-11-05T09:00:00+08:00');
    await as('xsdm');
    const manager = await ok(core, 'workbench:get', {});
    expect(manager.toDecide?.items.map((r) => r.purpose)).toEqual(['查阅']);
    expect(manager.overdue.items.map((l) => [l.archiveNumber, l.overdueDays])).toEqual([[lent, 2]]);
    await as('zhou');
    const staff = await ok(core, 'workbench:get', {});
    expect(staff).toMatchObject({ toDecide: null, lateIntakes: null, shortages: null, recentIntakes: null, overdue: { total: 0 } });
    expect(staff.myRequests.items.map((r) => r.state)).toEqual(['pending']);
    await as('li');
    expect((await ok(core, 'workbench:get', {})).overdue.items.map((l) => l.archiveNumber)).toEqual([lent]);
  });
});
