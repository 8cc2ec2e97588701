import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startSheet } from './xlsx-sheet';

const layout = {
  sheetName: '清单',
  title: '测试清单',
  lines: ['范围：全部'],
  columns: [
    { title: '序号', chars: 8, numeric: true },
    { title: '题名', chars: 40, wrap: true },
  ],
  creator: '测试员',
};

async function read(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('the .xlsx sheet writer', () => {
  it('writes a sheet far larger than one compressed piece that Excel readers and unzip read back whole', async () => {
    const sheet = startSheet(layout);
    const titles = Array.from({ length: 6000 }, (_, i) => `第${i + 1}份 客户档案 ${'资料'.repeat(i % 40)}`);
    titles.forEach((title, i) => sheet.row([String(i + 1), title]));
    const bytes = sheet.finish({ lines: ['共 6000 份'], pageHeader: null, subject: '测试', keywords: '' });

    const dir = mkdtempSync(join(tmpdir(), 'dossierdesk-xlsx-'));
    try {
      writeFileSync(join(dir, 'sheet.xlsx'), bytes);
      expect(execFileSync('unzip', ['-t', join(dir, 'sheet.xlsx')], { encoding: 'utf8' })).toContain('No errors detected');
      const listing = execFileSync('unzip', ['-l', join(dir, 'sheet.xlsx')], { encoding: 'utf8' });
      // The sheet's XML is several times the size in which it is compressed piece by piece.
      expect(Number(/(\d+)\s+\S+\s+\S+\s+xl\/worksheets\/sheet1\.xml/.exec(listing)?.[1])).toBeGreaterThan(1_000_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const read_ = await read(bytes);
    expect(read_.getRow(3).values).toEqual([undefined, '序号', '题名']);
    for (const i of [0, 1, 2999, 5999]) expect(read_.getRow(4 + i).values).toEqual([undefined, i + 1, titles[i]]);
    expect(read_.getRow(4 + 6001).getCell(1).value).toBe('共 6000 份');
  });

  it('keeps every text cell text: formulas cannot run, control characters cannot break the file', async () => {
    const sheet = startSheet(layout);
    const hostile = ['=cmd|" /C calc"!A0', '+1+1', '-2', '@SUM(A1)', 'a\u0001b\u0008c', '<b>&amp;</b> "quoted"'];
    hostile.forEach((text, i) => sheet.row([String(i + 1), text]));
    sheet.row(['12345678901234567890', '序号过长时作为文字']);
    const read_ = await read(sheet.finish({ lines: [], pageHeader: '机密 A&B 公司', subject: '', keywords: '' }));
    const cells = hostile.map((_, i) => read_.getCell(`B${4 + i}`));
    expect(cells.map((cell) => cell.value)).toEqual(["'=cmd|\" /C calc\"!A0", "'+1+1", "'-2", "'@SUM(A1)", 'a b c', '<b>&amp;</b> "quoted"']);
    for (const cell of cells) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(read_.getCell('A10').value).toBe('12345678901234567890');
    expect(read_.headerFooter.oddHeader).toBe('&C&KC01A1A机密 A&&B 公司');
  });
});
