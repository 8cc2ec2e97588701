import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { ApprovalRequestView } from '../../../../shared/contract';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
let core: Core;
const numbers = { sales: '', salesSecret: '', centre: '' };

const steps = (request: ApprovalRequestView) => request.route.map((s) => `${s.role}${s.department ? `:${s.department.code}` : ''}${s.insteadOf ? ` instead of ${s.insteadOf}` : ''}`);

beforeAll(async () => {
  core = await newArchive(suiteDir());
  // 销售部 sits under 营销中心; each has one manager.
  await ok(core, 'department:create', { code: 'YXZX', name: '营销中心' });
  await ok(core, 'department:create', { code: 'XSB', name: '销售部', parentCode: 'YXZX' });
  await ok(core, 'department:create', { code: 'KFB', name: '客户服务部' });
  await addUser(core, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(core, { login: 'yxdm', displayName: '营销中心总监', roles: ['dept-manager'], departmentCode: 'YXZX' });
  await addUser(core, { login: 'csm', displayName: '客服部经理', roles: ['cs-manager'], departmentCode: 'KFB' });
  await addUser(core, { login: 'gm', displayName: '总经理', roles: ['general-manager'] });
  numbers.sales = (await ok(core, 'dossier:create', { title: '张三 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  numbers.salesSecret = (await ok(core, 'dossier:create', { title: '李四 秘密档案', level: 2, departmentCode: 'XSB' })).archiveNumber;
  numbers.centre = (await ok(core, 'dossier:create', { title: '营销中心 年度档案', level: 1, departmentCode: 'YXZX' })).archiveNumber;
});

describe('a step whose only approver is the requester goes to the next level (fallback)', () => {
  it('a department manager asking for his own department’s dossier: the manager of the department above decides', async () => {
    await switchTo(core, 'xsdm');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.sales, kind: 'loan', purpose: '部门经理借阅' });
    // A manager above 销售部 decides its step already.
    expect(steps(request)).toEqual(['dept-manager:XSB']);
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'gm');
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).not.toContain(request.id);
    await switchTo(core, 'yxdm');
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).toContain(request.id);
    expect(await ok(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ state: 'approved', route: [{ decision: { approver: { login: 'yxdm' } } }] });
  });

  it('at the top of the tree, the general manager decides', async () => {
    await switchTo(core, 'yxdm');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.centre, kind: 'consultation', purpose: '总监查阅' });
    expect(steps(request)).toEqual(['general-manager instead of dept-manager']);
    await switchTo(core, 'gm');
    expect(await ok(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ state: 'approved' });
  });

  it('the CS manager exporting a 秘密 dossier: the general manager, already on the route, decides once', async () => {
    await switchTo(core, 'csm');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.salesSecret, kind: 'export', purpose: '客户投诉处理' });
    expect(steps(request)).toEqual(['general-manager']);
    expect((await ok(core, 'approval:inbox', {})).map((r) => r.id)).not.toContain(request.id);
    await switchTo(core, 'gm');
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
    await switchTo(core, 'csm');
    expect(await ok(core, 'dossier:export', { archiveNumber: numbers.salesSecret })).toMatchObject({ fileName: expect.stringContaining(numbers.salesSecret) as unknown });
  });

  it('keeps each step with a person of its own: the manager above for the department’s step, the CS manager for the classified one', async () => {
    await switchTo(core, 'xsdm');
    const request = await ok(core, 'approval:request', { archiveNumber: numbers.salesSecret, kind: 'consultation', purpose: '核对合同' });
    expect(steps(request)).toEqual(['dept-manager:XSB', 'cs-manager']);
    await switchTo(core, 'yxdm');
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve' });
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'csm');
    expect(await ok(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ state: 'approved' });
  });

  it('never to the requester himself: the general manager’s own request has nobody above him and is refused', async () => {
    await switchTo(core, 'gm');
    const refused = await call(core, 'approval:request', { archiveNumber: numbers.salesSecret, kind: 'export', purpose: '总经理导出' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(refused.ok ? '' : refused.error.message).toContain('上一级审批人也不能');
  });

  it('follows the fallback as data: without one, the top manager’s own request is refused', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    const { approvalRouting } = await ok(core, 'settings:get', {});
    const strict = approvalRouting.map((rule) => (rule.key === 'own-department' ? { ...rule, approvers: rule.approvers.map(({ fallback: _none, ...approver }) => approver) } : rule));
    await ok(core, 'settings:update', { approvalRouting: strict });
    await switchTo(core, 'yxdm');
    expect(await call(core, 'approval:request', { archiveNumber: numbers.centre, kind: 'loan', purpose: '无上一级' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await switchTo(core, ADMIN.login, ADMIN.password);
    await ok(core, 'settings:update', { approvalRouting });
  });
});
