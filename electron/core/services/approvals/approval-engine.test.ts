import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Outsider } from '../../../../shared/contract';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let core: Core;
const numbers: Record<'sales' | 'salesSecret' | 'property' | 'service', string> = { sales: '', salesSecret: '', property: '', service: '' };

const police: Outsider = { name: '王警官', organisation: '某区公安分局', idNumber: 'JH-0321', authority: 'police', assistanceNotice: '协查〔2026〕18号' };
const visitor: Outsider = { name: '赵律师', organisation: '某律师事务所', idNumber: '31010519800101001X', letterNumber: '介字 2026-07' };

beforeAll(async () => {
  core = await newArchive(suiteDir());
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  await addUser(core, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(core, { login: 'xs', displayName: '销售小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(core, { login: 'sh', displayName: '售后小周', roles: ['staff'], departmentCode: 'SHB' });
  await addUser(core, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(core, { login: 'shdm', displayName: '售后部经理', roles: ['dept-manager'], departmentCode: 'SHB' });
  await addUser(core, { login: 'gm', displayName: '总经理', roles: ['general-manager'] });
  await addUser(core, { login: 'csm', displayName: '客服经理', roles: ['cs-manager'] });
  await addUser(core, { login: 'fw', displayName: '法务老郑', roles: ['legal'] });
  await addUser(core, { login: 'xsclerk', displayName: '销售部档案员', roles: ['clerk'], departmentCode: 'XSB' });
  await addUser(core, { login: 'boss', displayName: '兼任经理', roles: ['dept-manager', 'cs-manager'], departmentCode: 'SHB' });
  numbers.sales = (await ok(core, 'dossier:create', { title: '张三 内部档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  numbers.salesSecret = (await ok(core, 'dossier:create', { title: '李四 秘密档案', level: 2, departmentCode: 'XSB' })).archiveNumber;
  numbers.service = (await ok(core, 'dossier:create', { title: '王五 售后档案', level: 1, departmentCode: 'SHB' })).archiveNumber;
  const property = { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501' };
  numbers.property = (await ok(core, 'dossier:create', { typeKey: 'property', fields: property, departmentCode: 'XSB', level: 1 })).archiveNumber;
});

type Dossier = keyof typeof numbers;
interface Case {
  name: string;
  signedIn: string;
  dossier: Dossier;
  kind: 'loan' | 'consultation' | 'copy' | 'export';
  requester?: string;
  outsider?: Outsider;
  route: string[] | { refused: string; path?: string };
}

// Routing by the default rules (LE-02, LE-03, LE-15, LE-10), over department, level, insider/outsider and property.
const cases: Case[] = [
  { name: 'own department, internal', signedIn: 'xs', dossier: 'sales', kind: 'loan', route: ['dept-manager:XSB'] },
  { name: 'own department, 秘密', signedIn: 'xs', dossier: 'salesSecret', kind: 'loan', route: ['dept-manager:XSB', 'cs-manager'] },
  { name: 'own department, export of 秘密', signedIn: 'clerk', requester: 'xsclerk', dossier: 'salesSecret', kind: 'export', route: ['dept-manager:XSB', 'cs-manager'] },
  { name: 'staff asking to export (no right to export)', signedIn: 'xs', dossier: 'salesSecret', kind: 'export', route: { refused: 'VALIDATION', path: 'kind' } },
  { name: 'the only manager of the department, for himself: the next level', signedIn: 'xsdm', dossier: 'sales', kind: 'consultation', route: ['general-manager'] },
  { name: 'other department, registered by the clerk', signedIn: 'clerk', requester: 'sh', dossier: 'sales', kind: 'loan', route: ['general-manager'] },
  { name: 'other department, 秘密', signedIn: 'clerk', requester: 'sh', dossier: 'salesSecret', kind: 'consultation', route: ['general-manager', 'cs-manager'] },
  { name: 'other department, property', signedIn: 'clerk', requester: 'sh', dossier: 'property', kind: 'consultation', route: ['general-manager'] },
  { name: 'the clerk for himself (archive office = other department)', signedIn: 'clerk', dossier: 'service', kind: 'copy', route: ['general-manager'] },
  { name: 'outsider with a letter of introduction', signedIn: 'clerk', outsider: visitor, dossier: 'sales', kind: 'consultation', route: ['cs-manager'] },
  { name: 'outsider, 秘密', signedIn: 'clerk', outsider: visitor, dossier: 'salesSecret', kind: 'loan', route: ['cs-manager'] },
  { name: 'police with an assistance notice, property', signedIn: 'clerk', outsider: police, dossier: 'property', kind: 'consultation', route: ['cs-manager', 'legal'] },
  { name: 'outsider without assistance notice, property', signedIn: 'clerk', outsider: visitor, dossier: 'property', kind: 'consultation', route: { refused: 'VALIDATION', path: 'outsider.assistanceNotice' } },
  { name: 'outsider asking to export', signedIn: 'clerk', outsider: visitor, dossier: 'sales', kind: 'export', route: { refused: 'VALIDATION', path: 'kind' } },
  { name: 'staff registering for someone else', signedIn: 'xs', requester: 'sh', dossier: 'sales', kind: 'loan', route: { refused: 'FORBIDDEN' } },
  { name: 'staff asking for a dossier they cannot see', signedIn: 'sh', dossier: 'sales', kind: 'loan', route: { refused: 'NOT_FOUND' } },
  { name: 'copy for someone who may not see it', signedIn: 'clerk', requester: 'sh', dossier: 'sales', kind: 'copy', route: { refused: 'VALIDATION', path: 'requester' } },
];

describe('approval routing from the rules as data', () => {
  it.each(cases)('$name', async (c) => {
    await switchTo(core, c.signedIn, c.signedIn === 'admin' ? ADMIN.password : undefined);
    const input = { archiveNumber: numbers[c.dossier], kind: c.kind, purpose: `路由测试：${c.name}`, ...(c.requester ? { requester: c.requester } : {}), ...(c.outsider ? { outsider: c.outsider } : {}) };
    const result = await call(core, 'approval:request', input);
    if (Array.isArray(c.route)) {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      expect(result.data.route.map((step) => (step.department ? `${step.role}:${step.department.code}` : step.role))).toEqual(c.route);
      expect(result.data.state).toBe('pending');
      await ok(core, 'approval:withdraw', { id: result.data.id });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: c.route.refused } });
      if (!result.ok && c.route.path) expect(result.error.issues?.map((i) => i.path)).toEqual([c.route.path]);
    }
  });

  it('follows the administrator’s rules: a change applies to later requests, not to those already routed', async () => {
    await switchTo(core, 'xs');
    const before = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'loan', purpose: '规则修改前' });
    await switchTo(core, ADMIN.login, ADMIN.password);
    const { approvalRouting } = await ok(core, 'settings:get', {});
    const stricter = approvalRouting.map((rule) => (rule.key === 'own-department' ? { ...rule, approvers: [...rule.approvers, { role: 'general-manager' as const, department: 'any' as const }] } : rule));
    await ok(core, 'settings:update', { approvalRouting: stricter });
    await switchTo(core, 'xs');
    expect(await call(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'loan', purpose: '重复' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const copy = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'consultation', purpose: '规则修改后' });
    expect(copy.route.map((s) => s.role)).toEqual(['dept-manager', 'general-manager']);
    expect((await ok(core, 'approval:get', { id: before.id })).route.map((s) => s.role)).toEqual(['dept-manager']);
    for (const id of [before.id, copy.id]) await ok(core, 'approval:withdraw', { id });
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'settings:update', { approvalRouting });
  });
});

describe('four eyes and privacy (from the review)', () => {
  it('one person never decides two steps of a request, nor one they registered', async () => {
    // boss manages 售后部 and is also a CS manager: a 秘密 售后 dossier's route needs two different people.
    await switchTo(core, ADMIN.login, ADMIN.password);
    const secret = (await ok(core, 'dossier:create', { title: '售后 秘密档案', level: 2, departmentCode: 'SHB' })).archiveNumber;
    await switchTo(core, 'sh');
    const request = await ok(core, 'approval:request', { archiveNumber: secret, kind: 'consultation', purpose: '核对' });
    expect(request.route.map((s) => s.role)).toEqual(['dept-manager', 'cs-manager']);
    await switchTo(core, 'boss');
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'csm');
    expect(await ok(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ state: 'approved' });
    // An approved request not yet used can be withdrawn, so it does not hold up the queue.
    await switchTo(core, 'sh');
    expect(await ok(core, 'approval:withdraw', { id: request.id })).toMatchObject({ state: 'withdrawn' });
  });

  it('shows an outsider’s ID number only to the registering clerk, the approvers and those who may reveal it', async () => {
    await switchTo(core, 'clerk');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'consultation', purpose: '律师查阅', outsider: visitor });
    expect(request.outsider?.idNumber).toBe(visitor.idNumber);
    await switchTo(core, 'xs');
    const seen = (await ok(core, 'approval:list', { archiveNumber: numbers.sales })).find((r) => r.id === request.id);
    expect(seen?.outsider?.idNumber).toBe('31**************1X');
    await switchTo(core, 'csm');
    expect((await ok(core, 'approval:get', { id: request.id })).outsider?.idNumber).toBe(visitor.idNumber);
    await switchTo(core, 'clerk');
    await ok(core, 'approval:withdraw', { id: request.id });
  });
});

describe('copies and excerpts', () => {
  it('the clerk records the copy made: the approval is used once; exports and loans use theirs themselves', async () => {
    await switchTo(core, 'xs');
    const copy = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'copy', purpose: '复印合同给客户', copies: 2 });
    await switchTo(core, 'clerk');
    expect(await call(core, 'approval:record-use', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    await switchTo(core, 'xsdm');
    await ok(core, 'approval:decide', { id: copy.id, decision: 'approve' });
    await switchTo(core, 'xs');
    expect(await call(core, 'approval:record-use', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'clerk');
    expect(await ok(core, 'approval:record-use', { id: copy.id, note: '复印 2 份交申请人' })).toMatchObject({ state: 'used' });
    expect(await call(core, 'approval:record-use', { id: copy.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const loan = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'consultation', purpose: '查阅', requester: 'xs' });
    expect(await call(core, 'approval:record-use', { id: loan.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'id' }] } });
    await ok(core, 'approval:withdraw', { id: loan.id });
  });
});

describe('deciding', () => {
  it('goes step by step through the approvers’ inboxes; each decision is recorded with its comment', async () => {
    await switchTo(core, 'clerk');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.salesSecret, kind: 'loan', purpose: '客户投诉核实', reason: '核对合同条款', requester: 'sh', days: 2 });
    expect(request).toMatchObject({ periodDays: 2, requester: { login: 'sh', department: { code: 'SHB' } }, registeredBy: { login: 'clerk' } });
    await switchTo(core, 'csm');
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).not.toContain(request.id);
    await switchTo(core, 'gm');
    const inbox = await ok(core, 'approval:inbox', {});
    expect(inbox.find((r) => r.id === request.id)).toMatchObject({ mayDecide: true, dossierTitle: '李四 秘密档案' });
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve', comment: '同意，限两天' });
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).not.toContain(request.id);
    await switchTo(core, 'csm');
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).toContain(request.id);
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'reject' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'comment' }] } });
    const rejected = await ok(core, 'approval:decide', { id: request.id, decision: 'reject', comment: '涉密，请改为查阅' });
    expect(rejected).toMatchObject({ state: 'rejected', route: [{ decision: { decision: 'approve', comment: '同意，限两天' } }, { decision: { decision: 'reject', approver: { login: 'csm' } } }] });
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await switchTo(core, 'sh');
    expect((await ok(core, 'approval:mine', {})).requests.find((r) => r.id === request.id)).toMatchObject({ state: 'rejected' });
  });

  it('never lets requesters approve their own request; a request nobody could approve is refused when asked', async () => {
    // Nobody above the general manager: his own request for another department's dossier has no approver.
    await switchTo(core, 'gm');
    expect(await call(core, 'approval:request', { archiveNumber: numbers.service, kind: 'loan', purpose: '自批' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The only manager of a department asking goes to the next level (the cases above); another manager of it decides first.
    await switchTo(core, ADMIN.login, ADMIN.password);
    await addUser(core, { login: 'xsdm2', displayName: '销售部副经理', roles: ['dept-manager'], departmentCode: 'XSB' });
    await switchTo(core, 'xsdm');
    const own = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'loan', purpose: '部门经理借阅' });
    expect(own.mayDecide).toBe(false);
    const self = await call(core, 'approval:decide', { id: own.id, decision: 'approve' });
    expect(self).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(self.ok ? '' : self.error.message).toContain('自己');
    await switchTo(core, 'xsdm2');
    expect(await ok(core, 'approval:decide', { id: own.id, decision: 'approve' })).toMatchObject({ state: 'approved', route: [{ decision: { approver: { login: 'xsdm2' } } }] });
  });

  it('is append-only: what was asked and decided cannot be changed or deleted; a correction is a new request', async () => {
    await switchTo(core, 'xs');
    const first = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'copy', purpose: '复印合同', copies: 2 });
    await switchTo(core, 'xsdm');
    await ok(core, 'approval:decide', { id: first.id, decision: 'approve' });
    await core.close();
    const raw = await openRawDatabase(suiteDir(), ADMIN.login, ADMIN.password);
    expect(() => raw.prepare("UPDATE approval_requests SET purpose = '别的用途' WHERE id = ?").run(first.id)).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE approval_requests SET status = 'pending' WHERE id = ?").run(first.id)).toThrow(/append-only/);
    // Only a loan's or consultation's term may pause and start again (approval-terms.ts), never a copy's.
    expect(() => raw.prepare("UPDATE approval_requests SET valid_until = '2099-01-01T00:00:00Z' WHERE id = ?").run(first.id)).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE approval_decisions SET decision = 'reject' WHERE request_id = ?").run(first.id)).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM approval_decisions WHERE request_id = ?').run(first.id)).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM approval_requests WHERE id = ?').run(first.id)).toThrow(/append-only/);
    raw.prepare("UPDATE approval_requests SET used_at = '2026-11-30T00:00:00Z' WHERE id = ?").run(first.id);
    expect(() => raw.prepare("UPDATE approval_requests SET used_at = NULL WHERE id = ?").run(first.id)).toThrow(/append-only/);
    raw.close();
  });
});
