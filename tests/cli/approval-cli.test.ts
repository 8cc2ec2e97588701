import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalRequestView } from '../../shared/contract';
import { inspectPdf } from '../helpers/pdf';
import { useTempDirs } from '../helpers/temp-dir';
import { builtCli, runCli as run, seededArchive } from './run-cli';

const tempDir = useTempDirs();

beforeAll(() => {
  expect(existsSync(builtCli), 'build first: npm run build').toBe(true);
});

const as = (env: Record<string, string>, login: string) => ({ ...env, DOSSIERDESK_USER: login, DOSSIERDESK_PASSWORD: `${login}-password-1` });

async function organisation() {
  const dir = tempDir();
  const { env, dossiers } = await seededArchive(dir, {
    departments: [{ code: 'XSB', name: '销售部' }],
    users: [
      { login: 'clerk', displayName: '档案员小王', roles: ['clerk'], departmentCode: 'XSB', clearance: 3 },
      { login: 'xsdm', displayName: '销售部经理', roles: ['dept-manager'], departmentCode: 'XSB', clearance: 3 },
      { login: 'csm', displayName: '客服经理', roles: ['cs-manager'], departmentCode: 'DAS', clearance: 3 },
    ],
    dossiers: [{ title: '张三 秘密档案', level: 2, departmentCode: 'XSB' }],
  });
  return { dir, env, archiveNumber: dossiers[0]?.archiveNumber ?? '' };
}

describe('dossierdesk approval and loan', () => {
  it('closes the dead end: a 秘密 export is requested, approved by both approvers and done; each acts with their own rights', async () => {
    const { dir, env, archiveNumber } = await organisation();
    const out = join(dir, 'export.pdf');
    const clerk = as(env, 'clerk');
    const refused = await run(['dossier', 'export', archiveNumber, '--out', out], { env: clerk });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('APPROVAL_REQUIRED');

    const requested = await run(['approval', 'request', '--dossier', archiveNumber, '--kind', 'export', '--purpose', '审计抽查'], { env: clerk });
    expect(requested.code, requested.stderr).toBe(0);
    const id = requested.stdout.trim();
    expect(id).toMatch(/^\d+$/);

    // The CS manager's step is not open yet; the department manager's inbox has it.
    const early = await run(['approval', 'approve', id], { env: as(env, 'csm') });
    expect(early.stderr).toContain('FORBIDDEN');
    const inbox = await run(['approval', 'list'], { env: as(env, 'xsdm') });
    expect(inbox.stdout).toContain(`${id}\t待审批\t导出\t${archiveNumber}\t档案员小王（clerk）\t审计抽查\t等待 部门经理（销售部）`);
    expect((await run(['approval', 'approve', id, '--comment', '同意'], { env: as(env, 'xsdm') })).code).toBe(0);
    const noComment = await run(['approval', 'reject', id], { env: as(env, 'csm') });
    expect(noComment.code).toBe(2);
    const approved = await run(['approval', 'approve', id, '--json'], { env: as(env, 'csm') });
    expect((JSON.parse(approved.stdout) as ApprovalRequestView).state).toBe('approved');

    const shown = await run(['approval', 'show', id], { env: clerk });
    expect(shown.stdout).toContain('第 1 步 部门经理（销售部）：同意 销售部经理');
    expect(shown.stdout).toContain('第 2 步 客户服务部经理：同意 客服经理');

    const exported = await run(['dossier', 'export', archiveNumber, '--out', out], { env: clerk });
    expect(exported.code, exported.stderr).toBe(0);
    expect(inspectPdf(readFileSync(out)).text).toContain('张三 秘密档案');
    // Used once.
    expect((await run(['dossier', 'export', archiveNumber, '--out', out], { env: clerk })).stderr).toContain('APPROVAL_REQUIRED');
    const mine = await run(['approval', 'list', '--mine', '--json'], { env: clerk });
    expect((JSON.parse(mine.stdout) as ApprovalRequestView[]).map((r) => r.state)).toEqual(['used']);
  });

  it('files loan requests; for someone else only as an archive clerk; loan approve/reject/withdraw decide them', async () => {
    const { env, archiveNumber } = await organisation();
    const clerk = as(env, 'clerk');
    const asked = await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'loan', '--purpose', '核对合同', '--days', '2'], { env: clerk });
    expect(asked.code, asked.stderr).toBe(0);
    const id = asked.stdout.trim();
    const tooLong = await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'consultation', '--purpose', '查阅', '--days', '9'], { env: clerk });
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('最长 3 天');
    expect((await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'export', '--purpose', '导出'], { env: clerk })).code).toBe(2);
    const forOther = await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'consultation', '--purpose', '查阅', '--for', 'clerk'], { env: as(env, 'xsdm') });
    expect(forOther.stderr).toContain('FORBIDDEN');

    expect((await run(['loan', 'reject', id, '--comment', '不同意'], { env: as(env, 'csm') })).stderr).toContain('FORBIDDEN');
    const rejected = await run(['loan', 'reject', id, '--comment', '涉密，改为查阅'], { env: as(env, 'xsdm') });
    expect(rejected.code, rejected.stderr).toBe(0);
    expect(rejected.stdout).toContain(`${id}\t已驳回\t借阅`);

    const again = (await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'consultation', '--purpose', '改为查阅'], { env: clerk })).stdout.trim();
    expect((await run(['loan', 'withdraw', again], { env: clerk })).stdout).toContain(`${again}\t已撤回\t查阅`);
    const notAnId = await run(['loan', 'approve', 'x1'], { env: as(env, 'xsdm') });
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toContain('申请编号应为正整数：x1');
  });
});

describe('dossierdesk loan checkout, return and list', () => {
  it('hands out an approved loan, lists it, takes it back with a missing document; each entry printed with its state', async () => {
    const { env, archiveNumber } = await organisation();
    const added = await run(['document', 'add', archiveNumber, '--title', '购车发票', '--pages', '2'], { env });
    expect(added.code, added.stderr).toBe(0);
    const clerk = as(env, 'clerk');
    const id = (await run(['loan', 'request', '--dossier', archiveNumber, '--kind', 'loan', '--purpose', '核对发票', '--days', '2'], { env: clerk })).stdout.trim();
    const early = await run(['loan', 'checkout', id], { env: clerk });
    expect(early.stderr).toContain('APPROVAL_REQUIRED');
    for (const approver of ['xsdm', 'csm']) expect((await run(['loan', 'approve', id], { env: as(env, approver) })).code).toBe(0);
    const out = await run(['loan', 'checkout', id], { env: clerk });
    expect(out.code, out.stderr).toBe(0);
    const loanId = out.stdout.trim();
    const listed = await run(['loan', 'list', '--open'], { env: clerk });
    expect(listed.stdout).toMatch(new RegExp(`^${loanId}\\t借出\\t借阅\\t${archiveNumber}\\t档案员小王（clerk）\\t.*\\t应还 \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    expect((await run(['loan', 'list', '--overdue', '--json'], { env: clerk })).stdout.trim()).toBe('[]');
    const wrong = await run(['loan', 'return', loanId, '--missing', '不存在的文件'], { env: clerk });
    expect(wrong.code).toBe(2);
    const back = await run(['loan', 'return', loanId, '--missing', '购车发票'], { env: clerk });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain('已归还');
    expect(back.stdout).toContain('购车发票缺失');
    expect((await run(['loan', 'return', loanId], { env: clerk })).stderr).toContain('CONFLICT');
    const corrected = await run(['loan', 'correct-return', loanId, '--reason', '发票夹在合同中，已找到'], { env: clerk });
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stdout).toContain('（已更正）');
    expect(corrected.stdout).not.toContain('购车发票缺失');
    // The id it expected, by name: a loan's here, a request's for checkout.
    const notALoanId = await run(['loan', 'return', `L${loanId}`], { env: clerk });
    expect(notALoanId.code).toBe(2);
    expect(notALoanId.stderr).toContain(`借阅登记号应为正整数：L${loanId}`);
    expect((await run(['loan', 'checkout', 'R1'], { env: clerk })).stderr).toContain('申请编号应为正整数：R1');

    // The register for the auditor, as PDF and as .xlsx, by the file's extension.
    const today = new Date().toLocaleDateString('sv-SE');
    const pdfFile = join(tempDir(), 'loans.pdf');
    const printed = await run(['register', 'export', '--kind', 'loans', '--from', '2026-01-01', '--to', today, '--out', pdfFile], { env: clerk });
    expect(printed.code, printed.stderr).toBe(0);
    const flat = inspectPdf(readFileSync(pdfFile)).text.replace(/\s+/g, '');
    for (const text of ['档案外借登记册', archiveNumber, '张三秘密档案', '已更正', '发票夹在合同中，已找到', '秘密']) expect(flat).toContain(text);
    const sheet = join(tempDir(), 'approvals.xlsx');
    expect((await run(['register', 'export', '--kind', 'approvals', '--from', '2026-01-01', '--to', today, '--out', sheet], { env: clerk })).code).toBe(0);
    expect(readFileSync(sheet).subarray(0, 2).toString()).toBe('PK');
    expect((await run(['register', 'export', '--kind', 'loans', '--from', '2026-01-01', '--to', today, '--out', join(tempDir(), 'x.doc')], { env: clerk })).code).toBe(2);
    expect((await run(['register', 'export', '--kind', 'nothing', '--from', '2026-01-01', '--to', today, '--out', pdfFile], { env: clerk })).code).toBe(2);
  });
});
