import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ADMIN, call, newArchive, ok, openSheet, stageBytes } from '../../../../tests/helpers/core';
import { encodeGb18030 } from '../../../../tests/helpers/gb18030';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();

const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期', '客户分类', '备注'];
const vin = (i: number) => `LSVAU2180N${String(i).padStart(7, '0')}`;
const goodRow = (i: number) => [`客户${i}`, `1380013${String(i).padStart(4, '0')}`, vin(i), `沪A${String(10000 + i)}`, '2026/11/2', '一般', i % 2 ? '' : '老客户'];

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

async function countDossiers(core: Core): Promise<number> {
  return (await ok(core, 'dossier:list', {})).total ?? -1;
}

describe('importing clerks’ sheets', () => {
  it('reads a GBK CSV (detected), maps columns by their Chinese labels, and imports in one go', async () => {
    const core = await newArchive(tempDir());
    const text = csv([HEADER, goodRow(1), goodRow(2), ['王五', '021-62345678', vin(3), '浙B12345', '2026-10-01', '特殊', '备注，含逗号']]);
    const gbk = encodeGb18030(text);
    const opened = await openSheet(core, '新车客户.csv', gbk);
    expect(opened).toMatchObject({ format: 'csv', detectedEncoding: 'gb18030', encoding: 'gb18030', headers: HEADER, rowCount: 3 });
    expect(opened.sample[2]).toEqual(['王五', '021-62345678', vin(3), '浙B12345', '2026-10-01', '特殊', '备注，含逗号']);

    const mapping = await ok(core, 'import:suggest-mapping', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(mapping).toMatchObject({
      客户名称: { kind: 'field', key: 'customerName' },
      '车架号（VIN）': { kind: 'field', key: 'vin' },
      客户分类: { kind: 'dossier', column: 'classification' },
      备注: { kind: 'dossier', column: 'remarks' },
    });
    const check = await ok(core, 'import:check', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(check).toMatchObject({ rowCount: 3, badRows: 0, problemCount: 0 });
    expect(check.preview[2]).toEqual({ row: 4, archiveNumber: null, title: '王五 浙B12345 新车档案' });

    const result = await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(result).toMatchObject({ imported: 3, firstNumber: expect.stringMatching(/^XC-\d{4}-000001$/) as string, lastNumber: expect.stringMatching(/^XC-\d{4}-000003$/) as string });
    const third = await ok(core, 'dossier:get', { archiveNumber: result.lastNumber ?? '' });
    expect(third).toMatchObject({ classification: '特殊', remarks: '备注，含逗号', complete: false, missingCount: 11 });
    expect(third.fields.find((f) => f.key === 'deliveryDate')?.value).toBe('2026-10-01');
    // Imported dossiers are found like any other, by pinyin too.
    expect((await ok(core, 'dossier:list', { query: 'ww' })).items.map((d) => d.archiveNumber)).toEqual([result.lastNumber]);
    expect((await ok(core, 'dossier:list', { query: vin(1).toLowerCase() })).items.map((d) => d.archiveNumber)).toEqual([result.firstNumber]);
    const [event] = (await ok(core, 'audit:list', { action: 'import:commit' })).items;
    expect(event?.summary).toMatchObject({ type: 'vehicle-new', rows: 3, first: result.firstNumber, last: result.lastNumber });
    // A dossier's history begins with the import that brought it in, then what was done to it.
    await ok(core, 'dossier:update', { archiveNumber: result.lastNumber ?? '', remarks: '已核对' });
    const history = await ok(core, 'audit:list', { archiveNumber: result.lastNumber ?? '' });
    expect(history.items.map((e) => e.action)).toEqual(['dossier:update', 'import:commit']);
    expect((await ok(core, 'audit:list', { archiveNumber: result.firstNumber ?? '' })).items.map((e) => e.action)).toEqual(['import:commit']);
    await core.close();
  });

  it('imports the first worksheet of an .xlsx, with date cells and numbers as Excel stores them', async () => {
    const core = await newArchive(tempDir());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['customerName', 'phone', 'vin', 'deliveryDate', '档号']);
    sheet.addRow(['赵六', 13700137000, vin(7), new Date(Date.UTC(2026, 10, 3)), 'XC-OLD-0001']);
    sheet.addRow(['孙七', '13700137001', vin(8), '2026年11月4日', '']);
    const opened = await openSheet(core, '客户.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(opened).toMatchObject({ format: 'xlsx', encoding: null, rowCount: 2 });
    const result = await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(result).toMatchObject({ imported: 2, firstNumber: 'XC-OLD-0001' });
    const first = await ok(core, 'dossier:get', { archiveNumber: 'XC-OLD-0001' });
    expect(first.fields.find((f) => f.key === 'deliveryDate')?.value).toBe('2026-11-03');
    expect(first.fields.find((f) => f.key === 'phone')?.value).toBe('13700137000');
    const second = await ok(core, 'dossier:get', { archiveNumber: result.lastNumber ?? '' });
    expect(second.fields.find((f) => f.key === 'deliveryDate')?.value).toBe('2026-11-04');
    await core.close();
  });

  it('reads a staged file again in another encoding without a second upload, and discards it once closed', async () => {
    const core = await newArchive(tempDir());
    const stagedFileId = await stageBytes(core, '新车客户.csv', encodeGb18030(csv([['customerName', 'phone', 'vin', 'deliveryDate'], ['客户1', '13800138000', vin(1), '2026-11-02']])));
    const first = await ok(core, 'import:open', { stagedFileId });
    expect(first).toMatchObject({ encoding: 'gb18030' });
    // Read as UTF-8, the GBK bytes are refused where they stand – never shown as replacement characters.
    expect(await call(core, 'import:open', { stagedFileId, encoding: 'utf-8' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', messageEn: expect.stringContaining('Row 2, column A (customerName) holds bytes that are not valid UTF-8') as string },
    });
    const again = await ok(core, 'import:open', { stagedFileId, encoding: 'gb18030' });
    expect(again.sample[0]?.[0]).toBe('客户1');
    // Closing the first opening keeps the file for the second …
    await ok(core, 'import:close', { importId: first.importId });
    const back = await ok(core, 'import:open', { stagedFileId, encoding: 'gb18030' });
    expect(back.sample[0]?.[0]).toBe('客户1');
    // … and once nothing reads it, it is gone.
    await ok(core, 'import:close', { importId: again.importId });
    await ok(core, 'import:close', { importId: back.importId });
    expect(await call(core, 'import:open', { stagedFileId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });

  it('reads an .xlsx as Excel writes it (worksheet before shared strings) without a byte of it in a temp file', async () => {
    const core = await newArchive(tempDir());
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户名称', '联系电话', '车架号（VIN）', '交车日期']);
    sheet.addRow(['欧阳明日', '13700137000', vin(7), '2026-11-03']);
    // Excel's order: the worksheet first, the shared strings after it.
    const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const excelOrder = new JSZip();
    const names = Object.keys(written.files).filter((name) => !written.files[name]?.dir);
    for (const name of [...names.filter((n) => n.startsWith('xl/worksheets/')), ...names.filter((n) => !n.startsWith('xl/worksheets/'))]) {
      excelOrder.file(name, (await written.file(name)?.async('uint8array')) ?? new Uint8Array(), { createFolders: false });
    }
    const bytes = await excelOrder.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)[0]).toMatch(/^xl\/worksheets\//);

    const spooled = () => readdirSync(tmpdir()).filter((name) => name.includes(`-${process.pid}-`));
    const before = spooled();
    const opened = await openSheet(core, '客户.xlsx', bytes);
    expect(opened.headers).toEqual(['客户名称', '联系电话', '车架号（VIN）', '交车日期']);
    const result = await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect((await ok(core, 'dossier:get', { archiveNumber: result.firstNumber ?? '' })).title).toContain('欧阳明日');
    expect(spooled()).toEqual(before);
    await core.close();
  });

  it('never numbers a row into a number that a later row of the sheet gives', async () => {
    const core = await newArchive(tempDir());
    const year = new Date().getFullYear();
    const rows = [[...HEADER, '档号'], [...goodRow(1), ''], [...goodRow(2), `XC-${year}-000001`], [...goodRow(3), '']];
    const opened = await openSheet(core, 'mixed.csv', new TextEncoder().encode(csv(rows)));
    const result = await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(result).toMatchObject({ imported: 3, firstNumber: `XC-${year}-000002`, lastNumber: `XC-${year}-000003` });
    expect((await ok(core, 'dossier:get', { archiveNumber: `XC-${year}-000001` })).title).toContain('客户2');
    await core.close();
  });

  it('a file with bad rows writes nothing and reports every problem by row and column', async () => {
    const core = await newArchive(tempDir());
    await ok(core, 'dossier:create', { typeKey: 'vehicle-new', fields: { customerName: '已有', phone: '13800138000', vin: vin(50), deliveryDate: '2026-01-01' } });
    const rows = [
      HEADER,
      goodRow(1),
      ['', '62345678', 'NOTAVIN', '', '2026-02-30', '普通', ''], // row 3: name, phone, VIN, date, classification
      goodRow(2),
      [...goodRow(4).slice(0, 2), vin(1), ...goodRow(4).slice(3)], // row 5: VIN repeats row 2
      [...goodRow(5).slice(0, 2), vin(50), ...goodRow(5).slice(3)], // row 6: VIN already on file
    ];
    const opened = await openSheet(core, 'bad.csv', new TextEncoder().encode(csv(rows)));
    expect(opened.detectedEncoding).toBe('utf-8');
    const check = await ok(core, 'import:check', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(check).toMatchObject({ rowCount: 5, badRows: 3 });
    const byRow = (row: number) => check.problems.filter((p) => p.row === row).map((p) => p.column).sort();
    expect(byRow(3)).toEqual(['交车日期', '客户分类', '客户名称', '联系电话', '车架号（VIN）'].sort());
    expect(byRow(5)).toEqual(['车架号（VIN）']);
    expect(byRow(6)).toEqual(['车架号（VIN）']);

    const run = await call(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(run).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '3 行有问题，未导入任何数据（见问题清单）' } });
    expect(await countDossiers(core)).toBe(1);

    const report = await ok(core, 'import:report', { importId: opened.importId, typeKey: 'vehicle-new' });
    const lines = new TextDecoder().decode(report.bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('行号,列,问题,Problem');
    expect(lines).toHaveLength(1 + check.problemCount);
    expect(lines.filter((l) => l.startsWith('3,'))).toHaveLength(5);
    expect((await ok(core, 'audit:list', { action: 'import:refused' })).items[0]?.summary).toMatchObject({ badRows: 3 });
    await core.close();
  });

  it('a cancelled import leaves nothing behind; the same file imports fully afterwards', async () => {
    const core = await newArchive(tempDir());
    const rows = [HEADER, ...Array.from({ length: 6000 }, (_, i) => goodRow(i + 1))];
    const opened = await openSheet(core, 'big.csv', new TextEncoder().encode(csv(rows)));
    const running = call(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    let progress = await ok(core, 'import:progress', { importId: opened.importId });
    while (progress.phase !== 'writing' || progress.done === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      progress = await ok(core, 'import:progress', { importId: opened.importId });
    }
    expect(progress.total).toBe(6000);
    expect(await ok(core, 'import:cancel', { importId: opened.importId })).toEqual({ cancelling: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await ok(core, 'import:progress', { importId: opened.importId })).toMatchObject({ phase: 'cancelled' });
    expect(await countDossiers(core)).toBe(0);
    expect((await ok(core, 'dossier:list', { query: '客户1' })).items).toEqual([]);
    expect((await ok(core, 'audit:list', { action: 'import:cancelled' })).items).toHaveLength(1);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);

    // Numbers taken by the cancelled transaction were rolled back with it: the next import starts at 1.
    const result = await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    expect(result.firstNumber).toMatch(/-000001$/);
    expect(await countDossiers(core)).toBe(6000);
    await core.close();
  });

  it('refuses a mapping to a field the type lacks, two columns for one field, and files it cannot read', async () => {
    const core = await newArchive(tempDir());
    const opened = await openSheet(core, 'a.csv', new TextEncoder().encode(csv([HEADER, goodRow(1)])));
    const plan = { importId: opened.importId, typeKey: 'vehicle-new' };
    expect(await call(core, 'import:check', { ...plan, mapping: { 备注: { kind: 'field', key: 'colour' } } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'import:check', { ...plan, mapping: { 备注: { kind: 'field', key: 'customerName' } } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('都对应“客户名称”') as string },
    });
    const old = await stageBytes(core, 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(await call(core, 'import:open', { stagedFileId: old })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A file that cannot be opened is discarded at once: it does not hold a staging place until the lock.
    expect(await call(core, 'import:open', { stagedFileId: old })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A file never staged (or discarded) is not there: paths do not reach the core.
    expect(await call(core, 'import:open', { stagedFileId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await ok(core, 'session:lock', {});
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    expect(await call(core, 'import:check', plan)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });
});
