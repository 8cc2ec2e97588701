import { describe, expect, it } from 'vitest';
import { exeBytes, pngBytes, withDamagedPart, withPart, xlsxOf } from '../../../../tests/helpers/bad-inputs';
import { call, newArchive, ok, openSheet, stageBytes } from '../../../../tests/helpers/core';
import { BAD_GB18030, encodeGb18030, gb18030Bytes } from '../../../../tests/helpers/gb18030';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();

// Columns A to G.
const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期', '客户分类', '备注'];
const vin = (i: number) => `LSVAU2180N${String(i).padStart(7, '0')}`;
const goodRow = (i: number) => [`客户${i}`, `1380013${String(i).padStart(4, '0')}`, vin(i), `沪A${String(10000 + i)}`, '2026/11/2', '一般', i % 2 ? '' : '老客户'];
const goodRows = (from: number, count: number) => Array.from({ length: count }, (_, i) => goodRow(from + i));
/** Where a test puts bytes of its own into a sheet's text. */
const MARK = '\u{1F4CC}';

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

/** GBK text with bytes that are not GB18030 where the text holds MARK. */
function gbkWithBadBytes(rows: string[][], bad: Uint8Array = BAD_GB18030): Uint8Array {
  const [before = '', after = ''] = csv(rows).split(MARK);
  return gb18030Bytes(before, bad, after);
}

async function dossierCount(core: Core): Promise<number> {
  return (await ok(core, 'dossier:list', {})).total ?? -1;
}

async function refusedAtOpen(core: Core, name: string, bytes: Uint8Array): Promise<{ message: string; messageEn: string }> {
  const opened = await call(core, 'import:open', { stagedFileId: await stageBytes(core, name, bytes) });
  if (opened.ok) throw new Error(`${name} was opened`);
  expect(opened.error.code).toBe('VALIDATION');
  return opened.error;
}

/** Check and run refuse the opened file alike, and nothing is written. */
async function refusedAtCheckAndRun(core: Core, importId: string, messageEn: string): Promise<void> {
  const plan = { importId, typeKey: 'vehicle-new' };
  expect(await call(core, 'import:check', plan)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn } });
  expect(await call(core, 'import:run', plan)).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn } });
  expect(await dossierCount(core)).toBe(0);
}

describe('a sheet is imported as its bytes say, or refused by where they go wrong', () => {
  it('refuses a GBK file with bytes that are not GB18030 by the row and column of the first of them, at open, check and run alike', async () => {
    const core = await newArchive(tempDir());
    // Row 14 is past the rows an opening samples: the check and the import find it.
    const late = [HEADER, ...goodRows(1, 12), [`客户13`, `1380013${MARK}0013`, vin(13), '沪A10013', '2026/11/2', '一般', '']];
    const opened = await openSheet(core, '新车客户.csv', gbkWithBadBytes(late));
    expect(opened).toMatchObject({ encoding: 'gb18030', rowCount: 13 });
    await refusedAtCheckAndRun(core, opened.importId, 'Row 14, column B (联系电话) holds bytes that are not valid GB18030/GBK: the file is damaged or not in GB18030/GBK (try UTF-8); nothing was imported');

    const cases: [string, Uint8Array, string][] = [
      ['inside a quoted cell of two lines', gbkWithBadBytes([HEADER, ...goodRows(1, 2), [...goodRow(3).slice(0, 6), `第一行\n第二行${MARK}末尾`], goodRow(4)]), '第 4 行 G 列（备注）'],
      ['at the start of a row', gbkWithBadBytes([HEADER, goodRow(1), [`${MARK}客户2`, ...goodRow(2).slice(1)]]), '第 3 行 A 列（客户名称）'],
      ['in the header', gbkWithBadBytes([['客户名称', `联系${MARK}电话`], goodRow(1)]), '第 1 行 B 列有不符合'],
      ['cut off inside a character at the end', gb18030Bytes(csv([HEADER, goodRow(1), goodRow(2)]), Uint8Array.of(0xd5)), '第 3 行 G 列（备注）'],
    ];
    for (const [where, bytes, place] of cases) {
      const error = await refusedAtOpen(core, `${where}.csv`, bytes);
      expect(error.message, where).toContain(`${place}`);
      expect(error.message, where).toContain('不符合 GB18030/GBK 编码的字节');
    }
    await core.close();
  });

  it('refuses a file read as UTF-8 whose bytes stop being UTF-8 after the part its encoding was told from', async () => {
    const core = await newArchive(tempDir());
    const head = new TextEncoder().encode(csv([HEADER, ...goodRows(1, 1200)]));
    expect(head.length).toBeGreaterThan(64 * 1024);
    const bytes = Buffer.concat([head, Buffer.from('\r\n'), encodeGb18030(csv([goodRow(1201)])), Buffer.from(`\r\n${csv(goodRows(1202, 5))}`)]);
    const opened = await openSheet(core, 'mixed.csv', bytes);
    expect(opened).toMatchObject({ detectedEncoding: 'utf-8', rowCount: 1206 });
    await refusedAtCheckAndRun(core, opened.importId, 'Row 1202, column A (客户名称) holds bytes that are not valid UTF-8: the file is damaged or not in UTF-8 (try GB18030); nothing was imported');
    await core.close();
  });

  it('stops reading a 22 MB cell at the limit and names it, in a CSV and in an .xlsx', async () => {
    const core = await newArchive(tempDir());
    const huge = '备'.repeat(22_000_000 / 3);
    const tooLong = (place: string) => `${place} is too long: a cell holds at most 32,767 characters and a row 262,144; nothing was imported`;

    const early = await refusedAtOpen(core, 'early.csv', new TextEncoder().encode(csv([HEADER, goodRow(1), [...goodRow(2).slice(0, 6), huge]])));
    expect(early.messageEn).toBe(tooLong('Row 3, column G (备注)'));
    expect(early.message).toBe('第 3 行 G 列（备注）内容过长：每格最多 32,767 字，每行最多 262,144 字；未导入任何数据');

    // Past what opening reads (the sampled rows and the reader's next MiB): the check reads it, and so does the import's worker thread – neither runs out of memory.
    const longRemarks = goodRows(1, 30).map((row) => [...row.slice(0, 6), '备'.repeat(30_000)]);
    const opened = await openSheet(core, 'late.csv', new TextEncoder().encode(csv([HEADER, ...longRemarks, [...goodRow(31).slice(0, 6), huge]])));
    await refusedAtCheckAndRun(core, opened.importId, tooLong('Row 32, column G (备注)'));

    const xlsx = await xlsxOf([['客户名称', '联系电话', '车架号（VIN）', '交车日期', '备注'], ['张三', '13800138000', vin(1), '2026-11-02', 'x'], ['李四', '13800138001', vin(2), '2026-11-02', huge]]);
    expect((await refusedAtOpen(core, 'huge.xlsx', xlsx)).messageEn).toBe(tooLong('Row 3, column E (备注)'));
    await core.close();
  });

  it('refuses a row wider or longer than any spreadsheet holds', async () => {
    const core = await newArchive(tempDir());
    const wide = `${HEADER.join(',')}\r\n${',x'.repeat(20_000)}\r\n`;
    expect((await refusedAtOpen(core, 'wide.csv', new TextEncoder().encode(wide))).messageEn).toBe('Row 2 has more than 16,384 columns; nothing was imported');
    const long = csv([HEADER, Array.from({ length: 9 }, () => 'x'.repeat(30_000))]);
    expect((await refusedAtOpen(core, 'long.csv', new TextEncoder().encode(long))).messageEn).toMatch(/^Row 2, column I is too long/);
    await core.close();
  });

  it('says an .xlsx is damaged or not a workbook – never the reader’s own error, never hanging', async () => {
    const core = await newArchive(tempDir());
    const good = await xlsxOf([['客户名称', '联系电话'], ['张三', '13800138000']]);
    const damaged = 'The .xlsx file is damaged or not an Excel workbook: open it in Excel, save it as .xlsx and import it again';
    const cases: [string, Uint8Array, string][] = [
      ['cut off', good.subarray(0, Math.floor(good.length / 2)), damaged],
      ['a worksheet damaged inside the zip', withDamagedPart(good, 'xl/worksheets/sheet1.xml'), damaged],
      ['shared strings damaged inside the zip', withDamagedPart(good, 'xl/sharedStrings.xml'), damaged],
      ['a worksheet that is not XML', await withPart(good, 'xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row</sheetData>'), damaged],
      ['no workbook part', await withPart(good, 'xl/workbook.xml', null), damaged],
      ['no worksheet', await withPart(good, 'xl/worksheets/sheet1.xml', null), 'The workbook has no worksheet'],
      ['another kind of zip', await withPart(await withPart(good, 'xl/workbook.xml', null), 'word/document.xml', '<w:document/>'), damaged],
    ];
    for (const [what, bytes, messageEn] of cases) expect((await refusedAtOpen(core, `${what}.xlsx`, bytes)).messageEn, what).toBe(messageEn);
    await core.close();
  });

  it('refuses an image or a program renamed .csv or .xlsx in one short sentence', async () => {
    const core = await newArchive(tempDir());
    expect((await refusedAtOpen(core, '客户.csv', pngBytes())).messageEn).toBe('"客户.csv" is not a CSV text file (it holds binary data)');
    expect((await refusedAtOpen(core, 'setup.csv', exeBytes())).message).toBe('“setup.csv”不是 CSV 文本文件（含有二进制数据）');
    expect((await refusedAtOpen(core, '客户.xlsx', pngBytes())).messageEn).toBe('"客户.xlsx" is not an Excel workbook (.xlsx): it is damaged, or only its extension was changed');
    await core.close();
  });

  it('reads an .xlsx whose text stands in its cells, without shared strings', async () => {
    const core = await newArchive(tempDir());
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const rows = [['客户名称', '联系电话', '车架号（VIN）', '交车日期'], ['欧阳明日', '13800138000', vin(1), '2026-11-02']];
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((text, c) => cell(`${'ABCD'.charAt(c)}${r + 1}`, text)).join('')}</row>`).join('')}</sheetData></worksheet>`;
    const inline = await withPart(await withPart(await xlsxOf([['x']]), 'xl/sharedStrings.xml', null), 'xl/worksheets/sheet1.xml', sheet);
    const opened = await openSheet(core, '客户.xlsx', inline);
    expect(opened).toMatchObject({ headers: rows[0], sample: [rows[1]] });
    expect(await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' })).toMatchObject({ imported: 1 });
    await core.close();
  });

  it('reads every character of an .xlsx exactly, wherever the reader’s chunks break its text', async () => {
    const core = await newArchive(tempDir());
    const name = (i: number) => `${'欧阳'.repeat(20)}客户${i}`;
    const rows = Array.from({ length: 200 }, (_, i) => [name(i), `1380013${String(i).padStart(4, '0')}`, vin(i), '2026-11-02', `备注：${'老客户'.repeat(30)}${i}`]);
    const opened = await openSheet(core, '客户.xlsx', await xlsxOf([['客户名称', '联系电话', '车架号（VIN）', '交车日期', '备注'], ...rows]));
    await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
    const titles = (await ok(core, 'dossier:list', { limit: 200 })).items.map((d) => d.title);
    expect(titles.filter((title) => title.includes('\uFFFD'))).toEqual([]);
    expect(titles.sort()).toEqual(rows.map((_, i) => `${name(i)} 新车档案`).sort());
    await core.close();
  });
});
