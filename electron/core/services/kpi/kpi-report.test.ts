import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../../../shared/contract';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { addDays } from '../loans/loan-days';

const suiteDir = useSuiteTempDir();
/** The clock of the core under test: October 2026 by hand, then read in November. */
let now = new Date('2026-10-09T10:00:00+08:00');
let core: Core;
let serial = 0;
const dueDays: string[] = [];

async function at(time: string, login = 'clerk'): Promise<void> {
  now = new Date(time);
  await switchTo(core, login);
}

async function newVehicle(deliveryDate: string, level = 1): Promise<string> {
  serial += 1;
  const fields = { customerName: `客户${serial}`, phone: '13800138000', vin: `LSVAU2180N${String(serial).padStart(7, '0')}`, deliveryDate };
  return (await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields, departmentCode: 'XSB', level })).archiveNumber;
}

async function handOver(dossiers: InputOf<'intake:add'>['dossiers'], extra: Partial<InputOf<'intake:add'>> = {}): Promise<OutputOf<'intake:add'>> {
  return ok(core, 'intake:add', { fromDepartment: 'XSB', handedBy: { name: '销售小李', login: 'li' }, dossiers, handedBySignature: { name: '销售小李' }, receiverSignature: { name: '档案员小王' }, ...extra });
}

/** A loan to 销售小李, approved by the sales manager and handed out now; its due day is noted. */
async function lend(archiveNumber: string): Promise<OutputOf<'loan:checkout'>> {
  const request = await ok(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: '核对合同', requester: 'li', days: 2 });
  await switchTo(core, 'xsdm');
  await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
  await switchTo(core, 'clerk');
  const loan = await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: '销售小李' } });
  dueDays.push(loan.dueOn);
  return loan;
}

async function report(login: string, input: InputOf<'kpi:report'>): Promise<OutputOf<'kpi:report'>> {
  await switchTo(core, login);
  return ok(core, 'kpi:report', input);
}

beforeAll(async () => {
  const dir = suiteDir();
  const setup = await newArchive(dir);
  await ok(setup, 'department:create', { code: 'XSB', name: '销售部' });
  await ok(setup, 'department:create', { code: 'SHB', name: '售后服务部' });
  await addUser(setup, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(setup, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'li', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(setup, { login: 'audit', displayName: '审计员老孙', roles: ['auditor'] });
  await addUser(setup, { login: 'lowaudit', displayName: '审计员小赵', roles: ['auditor'], clearance: 1 });
  await setup.close();
  core = testCore(dir, { now: () => now });
  await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });

  // October by hand – the sales department hands over five dossiers, four of them by the deadline (3 working days after delivery):
  await at('2026-10-09T10:00:00+08:00');
  const onTime = await newVehicle('2026-09-29');
  await handOver([{ archiveNumber: onTime }]);
  await at('2026-10-12T10:00:00+08:00');
  const late = await newVehicle('2026-09-28');
  await handOver([{ archiveNumber: late }]);
  await ok(core, 'document:add', { archiveNumber: late, title: '销售合同原件', pages: 4 });
  await ok(core, 'document:add', { archiveNumber: late, title: '购车发票复印件', pages: 1 });
  await at('2026-10-13T10:00:00+08:00');
  const short = await newVehicle('2026-10-12');
  await handOver([{ archiveNumber: short, missing: ['invoiceCopy'] }]);
  // … one of them 秘密, which a reader cleared for 内部 does not see …
  await at('2026-10-14T10:00:00+08:00');
  await handOver([{ archiveNumber: await newVehicle('2026-10-12', 2) }]);
  // … one recorded wrongly (PDI sheet missing) and corrected: the wrong entry does not count …
  await at('2026-10-15T10:00:00+08:00');
  const wrong = await handOver([{ archiveNumber: await newVehicle('2026-10-13'), missing: ['pdiChecklist'] }]);
  await handOver([{ archiveNumber: wrong.dossiers[0]?.archiveNumber ?? '' }], { corrects: wrong.id, handedOverAt: '2026-10-15T10:00:00+08:00' });
  // … and the invoice copy brought later is no new hand-over of that dossier.
  await at('2026-10-16T10:00:00+08:00');
  await handOver([{ archiveNumber: short, present: ['invoiceCopy'] }]);
  // The after-sales department hands one dossier over late (1 working day after the service day).
  const service = await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-10-12' }, departmentCode: 'SHB' });
  await handOver([{ archiveNumber: service.archiveNumber }], { fromDepartment: 'SHB', handedBy: { name: '售后小周' } });

  // Two loans to 销售小李: one still out, one back after its due day without its sales contract.
  await at('2026-10-19T10:00:00+08:00');
  await lend(onTime);
  const back = await lend(late);
  await at('2026-10-30T10:00:00+08:00');
  const contract = back.documents.find((d) => d.title === '销售合同原件');
  await ok(core, 'loan:return', { loanId: back.id, signature: { name: '销售小李' }, findings: [{ documentId: contract?.id ?? 0, issue: 'missing' }] });
  now = new Date('2026-11-05T10:00:00+08:00');
});

describe('KPIs per department and month (KP-01)', () => {
  it('rates intake timeliness and completeness on a hand-made month, counting a corrected entry once and a later delivery not at all', async () => {
    const { months, byDepartment, department } = await report('audit', { month: '2026-10' });
    expect(department).toBeNull();
    expect(months).toHaveLength(12);
    expect(months[0]?.month).toBe('2025-11');
    const october = months[11];
    expect(october).toMatchObject({ month: '2026-10', through: '2026-10-31', handOvers: 6, onTime: 4, handedDossiers: 6, completeAtHandOver: 5 });
    expect(october?.timeliness).toBeCloseTo(4 / 6);
    const sales = byDepartment.find((row) => row.department.code === 'XSB')?.figures;
    expect(sales).toMatchObject({ handOvers: 5, onTime: 4, timeliness: 0.8, handedDossiers: 5, completeAtHandOver: 4, completeness: 0.8 });
    expect(byDepartment.find((row) => row.department.code === 'SHB')?.figures).toMatchObject({ handOvers: 1, onTime: 0, timeliness: 0 });
    expect(months[10]).toMatchObject({ month: '2026-09', handOvers: 0, timeliness: null, completeness: null });
  });

  it('counts overdue loans at the month’s end and those that went overdue in it, by the borrower’s department', async () => {
    expect(dueDays.every((day) => day < '2026-10-30')).toBe(true);
    const { months, byDepartment } = await report('audit', { month: '2026-11' });
    expect(months[10]).toMatchObject({ month: '2026-10', overdueAtMonthEnd: 1, wentOverdue: 2 });
    // The current month runs to today: the loan still out is overdue, nothing went overdue since 1 November.
    expect(months[11]).toMatchObject({ month: '2026-11', through: '2026-11-05', overdueAtMonthEnd: 1, wentOverdue: 0 });
    expect(byDepartment.find((row) => row.department.code === 'XSB')?.figures.overdueAtMonthEnd).toBe(1);
  });

  it('counts the dossiers opened by type, level and classification, and the catalogue as it stands', async () => {
    const { months, catalogue } = await report('audit', { month: '2026-10' });
    const october = months[11];
    expect(october?.opened).toBe(6);
    expect(october?.openedByType.map((t) => [t.name, t.count])).toEqual([
      ['新车档案', 5],
      ['售后档案', 1],
    ]);
    expect(october?.openedByLevel.map((l) => [l.name, l.count])).toEqual([
      ['内部', 5],
      ['秘密', 1],
    ]);
    expect(catalogue).toMatchObject({ dossiers: 6, complete: 0, completeness: 0 });
  });

  it('leaves out what a low-clearance auditor may not see', async () => {
    const { months, byDepartment, catalogue } = await report('lowaudit', { month: '2026-10' });
    const sales = byDepartment.find((row) => row.department.code === 'XSB')?.figures;
    expect(sales).toMatchObject({ handOvers: 4, onTime: 3, timeliness: 0.75, completeAtHandOver: 3, completeness: 0.75 });
    expect(months[11]?.openedByLevel.map((l) => l.name)).toEqual(['内部']);
    expect(catalogue.dossiers).toBe(5);
  });

  it('reports one department alone; refuses staff, unknown departments and months to come', async () => {
    const { months, department, byDepartment } = await report('audit', { month: '2026-10', department: 'SHB' });
    expect(department).toEqual({ code: 'SHB', name: '售后服务部' });
    expect(months[11]).toMatchObject({ handOvers: 1, onTime: 0, overdueAtMonthEnd: 0, opened: 1 });
    expect(byDepartment.map((row) => row.department.code)).toEqual(['SHB']);
    await switchTo(core, 'li');
    expect(await call(core, 'kpi:report', { month: '2026-10' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'audit');
    expect(await call(core, 'kpi:report', { month: '2026-10', department: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'department' }] } });
    expect(await call(core, 'kpi:report', { month: '2026-12' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'month' }] } });
    expect(await call(core, 'kpi:report', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('violations found in the loan register', () => {
  it('fines a document lost on a loan (PN-07), and – once a rule for it is added – an overdue loan each working day until it is back', async () => {
    await switchTo(core, 'audit');
    const lost = (await ok(core, 'violation:report', { month: '2026-10' })).violations.filter((v) => v.source.register === 'loan');
    // His second violation in October – after the late hand-over on 12 October – so doubled.
    expect(lost.map((v) => [v.day, v.rule.code, v.person.name, v.detail, v.units, v.ordinal, v.factor, v.amount])).toEqual([['2026-10-30', 'PN-07', '销售小李', '遗失：销售合同原件', 1, 2, 2, 40]]);

    await switchTo(core, ADMIN.login, ADMIN.password);
    const { violationRules } = await ok(core, 'settings:get', {});
    const overdueRule = { code: 'JY-01', name: '借阅逾期未还', trigger: 'loan-overdue' as const, amount: 10, per: 'loan' as const, types: null, items: null, departments: null, repeatAfterWorkdays: 1 };
    await ok(core, 'settings:update', { violationRules: { ...violationRules, rules: [...violationRules.rules, overdueRule] } });
    await switchTo(core, 'audit');
    const overdue = (await ok(core, 'violation:report', { month: '2026-10' })).violations.filter((v) => v.rule.code === 'JY-01');
    const [stillOut, returned] = [...new Set(overdue.map((v) => v.source.id))];
    const days = (loanId: number | undefined) => overdue.filter((v) => v.source.id === loanId).map((v) => v.day);
    // Each loan is overdue from the day after its due day; the returned one repeats no more once it is back on the 30th.
    expect(days(stillOut)[0]).toBe(addDays(dueDays[0] ?? '', 1));
    expect(days(returned)[0]).toBe(addDays(dueDays[1] ?? '', 1));
    expect(days(returned).every((day) => day <= '2026-10-30')).toBe(true);
    expect(days(stillOut).at(-1)).toBe('2026-10-30');
    expect(overdue[0]?.detail).toMatch(/^应还 \d{4}-\d{2}-\d{2}，逾期未还$/);
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'settings:update', { violationRules });
  });
});
