import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, call, newArchive, ok, switchTo, testCore } from '../../../../tests/helpers/core';
import { inspectPdf } from '../../../../tests/helpers/pdf';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();

describe('reading the audit trail', () => {
  it('records time, user, department, action, target and front door; filters by each', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-02T09:00:00').getTime();
    const core = await newArchive(dir, { now: () => new Date(now) });
    await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
    await addUser(core, { login: 'zhangsan', displayName: '张三', roles: ['clerk'], departmentCode: 'XSB' });
    await ok(core, 'session:lock', {});
    now = new Date('2026-11-15T10:00:00').getTime();
    await ok(core, 'session:login', { login: 'zhangsan', password: 'zhangsan-password-1' });
    const dossier = await ok(core, 'dossier:create', { title: '王五 售后档案' });
    await core.close();
    const cli = testCore(dir, { now: () => new Date(now) });
    await cli.invoke('session:login', { login: 'zhangsan', password: 'zhangsan-password-1' }, 'cli');
    await cli.invoke('dossier:create', { title: '命令行建的档案' }, 'cli');
    await cli.close();

    const auditor = testCore(dir, { now: () => new Date(now) });
    await ok(auditor, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const created = (await ok(auditor, 'audit:list', { action: 'dossier:create' })).items;
    expect(created.map((e) => [e.user?.login, e.user?.department, e.target?.label, e.frontDoor])).toEqual([
      ['zhangsan', 'XSB', 'KH-2026-000002', 'cli'],
      ['zhangsan', 'XSB', dossier.archiveNumber, 'ui'],
    ]);
    expect(created[1]?.summary).toMatchObject({ title: '王五 售后档案', level: '内部', department: 'XSB' });

    expect((await ok(auditor, 'audit:list', { user: 'zhangsan' })).items.every((e) => e.user?.login === 'zhangsan')).toBe(true);
    expect((await ok(auditor, 'audit:list', { to: '2026-11-02' })).items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['archive:create', 'department:create', 'user:create']),
    );
    expect((await ok(auditor, 'audit:list', { from: '2026-11-03', to: '2026-11-14' })).items).toEqual([]);
    expect((await ok(auditor, 'audit:list', { archiveNumber: dossier.archiveNumber })).items.map((e) => e.action)).toEqual(['dossier:create']);

    // Newest first, page by page, nothing lost or repeated.
    const all = (await ok(auditor, 'audit:list', { limit: 500 })).items.map((e) => e.id);
    const paged: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await ok(auditor, 'audit:list', { limit: 3, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    await auditor.close();
  });

  it('exports the filtered trail as CSV and as a watermarked PDF with the chain head; the export is itself recorded', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'dossier:create', { title: '=cmd|" /C calc"!A0 恶意题名' });
    await addUser(core, { login: 'shenji', displayName: '审计员小刘', roles: ['auditor'] });
    await switchTo(core, 'shenji');

    const csv = await ok(core, 'audit:export', { format: 'csv', action: 'dossier:create' });
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.fileName).toMatch(/^审计记录-\d{8}-\d{4}\.csv$/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes);
    expect(text.split('\r\n')[0]).toBe('\uFEFF序号,时间,用户,部门,操作,对象,内容摘要,入口');
    expect(text).toContain('新建档案');
    expect(text).toContain('恶意题名');

    const pdf = await ok(core, 'audit:export', { format: 'pdf' });
    const read = inspectPdf(pdf.bytes);
    expect(read.text).toContain('审计记录');
    expect(read.text).toMatch(/导出时审计链头.*\d+:[0-9a-f]{64}/);
    expect(read.text).toContain('审计员小刘（shenji）');
    expect(read.check).toContain('No syntax or stream encoding errors');

    const exports = (await ok(core, 'audit:list', { action: 'audit:export' })).items;
    expect(exports.map((e) => e.summary?.format)).toEqual(['pdf', 'csv']);
    // An auditor reads and exports; an auditor does not write.
    expect(await call(core, 'dossier:create', { title: '审计员不能建档' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
    await core.close();
  });

  it('a long trail becomes a multi-page PDF whose every page has the table header and page number', async () => {
    const core = await newArchive(tempDir());
    for (let i = 0; i < 150; i += 1) await ok(core, 'dossier:create', { title: `批量档案 ${i} ${'很长的题名'.repeat(i % 5)}` });
    const pdf = inspectPdf((await ok(core, 'audit:export', { format: 'pdf' })).bytes);
    expect(pdf.pages).toBeGreaterThan(3);
    const pages = pdf.text.split('\f').filter((p) => p.trim());
    pages.forEach((page, i) => {
      expect(page).toContain('序号');
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
    await core.close();
  });
});
