import { describe, expect, it } from 'vitest';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { inspectPdf, redShare, renderPdfPage } from '../../../../tests/helpers/pdf';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

async function organisation(dir: string) {
  const core = await newArchive(dir);
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(core, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'], departmentCode: 'XSB' });
  await addUser(core, { login: 'csm', displayName: '客服经理老陈', roles: ['cs-manager'] });
  await addUser(core, { login: 'dm', displayName: '部门经理', roles: ['dept-manager'], departmentCode: 'XSB' });
  const secret = await ok(core, 'dossier:create', { title: '张三 沪A12345 机密档案', level: 3, departmentCode: 'XSB' });
  const plain = await ok(core, 'dossier:create', { title: '李四 内部档案', level: 1, departmentCode: 'XSB' });
  return { core, secret, plain };
}

describe('exports of classified dossiers', () => {
  it('an unclassified dossier exports at once, without a watermark; text stays extractable', async () => {
    const { core, plain } = await organisation(tempDir());
    await switchTo(core, 'clerk');
    const file = await ok(core, 'dossier:export', { archiveNumber: plain.archiveNumber });
    expect(file.fileName).toBe(`档案-${plain.archiveNumber}.pdf`);
    const pdf = inspectPdf(file.bytes);
    expect(pdf.text).toContain('李四 内部档案');
    expect(pdf.text).toContain('内部资料，严禁外传');
    expect(pdf.info).not.toContain('Watermark');
    expect(redShare(renderPdfPage(file.bytes), { left: 0, top: 0.5, right: 1, bottom: 0.9 })).toBe(0);
    expect(pdf.fonts).toMatch(/NotoSansSC-Regular.*CID TrueType.*yes/);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    await core.close();
  });

  it('prints a typed dossier’s fields, checklist and document catalogue, never its sensitive fields', async () => {
    const core = await newArchive(tempDir());
    const fields = { customerName: '赵六', phone: '13700137000', garden: '翠苑', building: '3', unit: '2', room: '1501', healthStatus: '高血压' };
    const { archiveNumber } = await ok(core, 'dossier:create', { typeKey: 'property', fields, classification: '重点' });
    await ok(core, 'document:add', { archiveNumber, checklistItem: 'saleContract', docDate: '2026-10-08', pages: 12 });
    const pdf = inspectPdf((await ok(core, 'dossier:export', { archiveNumber })).bytes);
    for (const text of ['房产客户档案', '客户类别 重点', '保管期限 永久', '苑名 翠苑', '联系电话 13700137000', '健康状况 （敏感信息，不予导出）', '卷内文件目录', '2026-10-08', '缺少必备文件 4 项']) {
      expect(pdf.text).toContain(text);
    }
    expect(pdf.text).not.toContain('高血压');
    await core.close();
  });

  it('needs an approval; the export uses it up, carries the watermark and the marking on every page, and is audited', async () => {
    const { core, secret } = await organisation(tempDir());
    await switchTo(core, 'clerk');
    expect(await call(core, 'dossier:export', { archiveNumber: secret.archiveNumber })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });

    // The request goes to the department manager, then – classified – to the CS manager.
    const request = await ok(core, 'approval:request', { archiveNumber: secret.archiveNumber, kind: 'export', purpose: '审计抽查' });
    expect(request.route.map((step) => step.role)).toEqual(['dept-manager', 'cs-manager']);
    await switchTo(core, 'dm');
    await ok(core, 'approval:decide', { id: request.id, decision: 'approve', comment: '同意' });
    // Half approved is not approved.
    await switchTo(core, 'clerk');
    expect(await call(core, 'dossier:export', { archiveNumber: secret.archiveNumber })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    // The department manager may not decide the classified step; the attempt is recorded.
    await switchTo(core, 'dm');
    expect(await call(core, 'approval:decide', { id: request.id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'csm');
    const approval = await ok(core, 'approval:decide', { id: request.id, decision: 'approve', comment: '限本次审计' });
    expect(approval).toMatchObject({ kind: 'export', state: 'approved', requester: { login: 'clerk' }, usedAt: null });
    expect(approval.route.map((step) => step.decision?.approver.login)).toEqual(['dm', 'csm']);

    await switchTo(core, 'clerk');
    const file = await ok(core, 'dossier:export', { archiveNumber: secret.archiveNumber });
    const pdf = inspectPdf(file.bytes);
    const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(pdf.pages);
    for (const page of pages) expect(page.split('\n')[0]).toMatch(/机密$/);
    // The watermark names who exported it, from which department, when; it is drawn on every
    // page as outlines, so the text holds the record in order and the exporter's name only
    // where the record itself prints it.
    const stamp = /Watermark:\s+(.+)/.exec(pdf.info)?.[1] ?? '';
    for (const part of ['档案员小王（clerk）', '销售部', new Date().toISOString().slice(0, 10)]) expect(stamp).toContain(part);
    const lines = ['档案信息', `档号 ${secret.archiveNumber}`, '案卷题名 张三 沪A12345 机密档案', '密级 机密', '所属部门 销售部（XSB）', '导出：档案员小王（clerk），'];
    const at = lines.map((line) => pdf.text.indexOf(line));
    expect(at.every((position) => position >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(pdf.text.split('档案员小王')).toHaveLength(2);
    for (let page = 1; page <= pdf.pages; page += 1) expect(redShare(renderPdfPage(file.bytes, page), { left: 0, top: 0.5, right: 1, bottom: 0.9 })).toBeGreaterThan(0.01);
    expect(pdf.check).toContain('No syntax or stream encoding errors');

    // One approval, one export.
    expect(await call(core, 'dossier:export', { archiveNumber: secret.archiveNumber })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    const approvals = await ok(core, 'approval:list', { archiveNumber: secret.archiveNumber });
    expect(approvals[0]).toMatchObject({ state: 'used' });
    expect(approvals[0]?.usedAt).not.toBeNull();

    await switchTo(core, 'admin', 'admin-password-1');
    const trail = (await ok(core, 'audit:list', { archiveNumber: secret.archiveNumber })).items.map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['dossier:create', 'dossier:export-refused', 'access:denied', 'approval:request', 'approval:decide', 'dossier:export']));
    await core.close();
  });

  it('an approval expires', async () => {
    let now = Date.now();
    const dir = tempDir();
    const { core, secret } = await organisation(dir);
    await core.close();
    const { testCore } = await import('../../../../tests/helpers/core');
    const timed = testCore(dir, { now: () => new Date(now) });
    await ok(timed, 'session:login', { login: 'admin', password: 'admin-password-1' });
    await ok(timed, 'settings:update', { approvalValidDays: 1 });
    await switchTo(timed, 'clerk');
    const { id } = await ok(timed, 'approval:request', { archiveNumber: secret.archiveNumber, kind: 'export', purpose: '复核' });
    for (const approver of ['dm', 'csm']) {
      await switchTo(timed, approver);
      await ok(timed, 'approval:decide', { id, decision: 'approve' });
    }
    now += 2 * 86_400_000;
    await switchTo(timed, 'clerk');
    expect(await ok(timed, 'approval:get', { id })).toMatchObject({ state: 'expired' });
    expect(await call(timed, 'dossier:export', { archiveNumber: secret.archiveNumber })).toMatchObject({ ok: false, error: { code: 'APPROVAL_REQUIRED' } });
    await timed.close();
  });
});
