import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../tests/helpers/core';
import { inspectPdf } from '../../../tests/helpers/pdf';
import { useSuiteTempDir } from '../../../tests/helpers/temp-dir';
import { formatLocalDate } from '../../../shared/time';
import type { Core } from '../core';

const suiteDir = useSuiteTempDir();
let core: Core;
const numbers = { sales: '', secret: '', service: '' };
const today = formatLocalDate(new Date());
const period = { from: '2026-01-01', to: today };

async function lend(archiveNumber: string, requester: string, approvers: string[]): Promise<void> {
  await switchTo(core, 'clerk');
  const request = await ok(core, 'approval:request', { archiveNumber, kind: 'loan', purpose: `${requester} 核对合同`, requester, days: 2 });
  for (const approver of approvers) {
    await switchTo(core, approver);
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve', comment: '同意' });
  }
  await switchTo(core, 'clerk');
  await ok(core, 'loan:checkout', { requestId: request.id, signature: { name: requester } });
}

beforeAll(async () => {
  core = await newArchive(suiteDir());
  await ok(core, 'settings:update', { companyName: '上海某某汽车销售服务有限公司' });
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  await addUser(core, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'] });
  await addUser(core, { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  await addUser(core, { login: 'gm', displayName: '总经理', roles: ['general-manager'] });
  await addUser(core, { login: 'csm', displayName: '客服经理', roles: ['cs-manager'] });
  await addUser(core, { login: 'li', displayName: '销售𠮷小李', roles: ['staff'], departmentCode: 'XSB' });
  await addUser(core, { login: 'zhou', displayName: '售后小周', roles: ['staff'], departmentCode: 'SHB' });
  await addUser(core, { login: 'audit', displayName: '审计员老孙', roles: ['auditor'] });
  await addUser(core, { login: 'lowaudit', displayName: '审计员小赵', roles: ['auditor'], clearance: 1 });
  numbers.sales = (await ok(core, 'dossier:create', { title: '张三 沪A12345 新车档案', level: 1, departmentCode: 'XSB' })).archiveNumber;
  numbers.secret = (await ok(core, 'dossier:create', { title: '李四 合同纠纷材料', level: 2, departmentCode: 'XSB' })).archiveNumber;
  numbers.service = (await ok(core, 'dossier:create', { title: '王五 售后档案', level: 1, departmentCode: 'SHB' })).archiveNumber;
  await lend(numbers.sales, 'li', ['xsdm']);
  await lend(numbers.secret, 'li', ['xsdm', 'csm']);
  await lend(numbers.service, 'li', ['gm']);
  await switchTo(core, 'clerk');
  const [back] = (await ok(core, 'loan:list', { state: 'open', archiveNumber: numbers.service })).loans;
  if (!back) throw new Error('no loan');
  await ok(core, 'loan:return', { loanId: back.id, signature: { name: '销售𠮷小李' } });
});

describe('printed registers', () => {
  it('the loan register as PDF: every entry, the classified one marked, page numbers, signature lines; text extractable', async () => {
    await switchTo(core, 'audit');
    const file = await ok(core, 'register:export', { kind: 'loans', ...period, format: 'pdf' });
    expect(file.fileName).toMatch(/^档案外借登记册-2026-01-01-\d{4}-\d{2}-\d{2}-\d{8}-\d{4}\.pdf$/);
    const pdf = inspectPdf(file.bytes);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    // Cells wrap inside their columns: compare without the line breaks.
    const flat = pdf.text.replace(/\s+/g, '');
    for (const text of ['上海某某汽车销售服务有限公司', '档案外借登记册', `期间：2026-01-01 至 ${today}`, numbers.sales, numbers.secret, numbers.service, '销售𠮷小李（销售部）', '张三 沪A12345 新车档案', '秘密', '审核人', '审批人', '内部资料，严禁外传', '第 1 页 共 1 页']) {
      expect(flat).toContain(text.replace(/\s+/g, ''));
    }
    expect(flat).toContain('本册共3条登记，其中逾期0条，至打印时未归还2条；涉密1条');
    // Oldest first.
    expect(pdf.text.indexOf(numbers.sales)).toBeLessThan(pdf.text.indexOf(numbers.service));
    expect(pdf.info).toContain('Watermark');
  });

  it('the same register as .xlsx with typed columns; a department’s alone; approvals and the consultation log', async () => {
    await switchTo(core, 'clerk');
    const file = await ok(core, 'register:export', { kind: 'loans', ...period, format: 'xlsx', department: 'SHB' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values: unknown[] = [];
    sheet?.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain(numbers.service);
    expect(values).not.toContain(numbers.sales);
    expect(values.some((v) => v instanceof Date)).toBe(true);
    const approvals = inspectPdf((await ok(core, 'register:export', { kind: 'approvals', ...period, format: 'pdf' })).bytes);
    expect(approvals.text).toContain('档案利用审批记录');
    expect(approvals.text.replace(/\s+/g, '')).toContain('销售部经理（部门经理）同意');
    const consultations = inspectPdf((await ok(core, 'register:export', { kind: 'consultations', ...period, format: 'pdf' })).bytes);
    expect(consultations.text).toContain('本期间没有登记。');
  });

  it('leaves out entries the reader may not see, refuses staff, bad periods and unknown departments; each export is recorded', async () => {
    await switchTo(core, 'lowaudit');
    const pdf = inspectPdf((await ok(core, 'register:export', { kind: 'loans', ...period, format: 'pdf' })).bytes);
    expect(pdf.text).toContain(numbers.sales);
    expect(pdf.text).not.toContain(numbers.secret);
    expect(pdf.text).not.toContain('李四');
    await switchTo(core, 'li');
    expect(await call(core, 'register:export', { kind: 'loans', ...period, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'clerk');
    expect(await call(core, 'register:export', { kind: 'loans', from: '2026-12-01', to: '2026-11-01', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'to' }] } });
    expect(await call(core, 'register:export', { kind: 'loans', from: '2024-01-01', to: '2026-11-01', format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'to' }] } });
    expect(await call(core, 'register:export', { kind: 'loans', ...period, format: 'pdf', department: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'department' }] } });
    await switchTo(core, ADMIN.login, ADMIN.password);
    const trail = (await ok(core, 'audit:list', { action: 'register:export' })).items;
    expect(trail.length).toBeGreaterThanOrEqual(5);
    expect(trail[0]?.summary).toMatchObject({ kind: 'loans', rows: 2, classified: 0 });
  });
});
