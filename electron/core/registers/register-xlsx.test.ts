import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loanRegister, loanRows } from '../../../tests/helpers/sample-loan-register';
import type { RegisterSpec } from './register-spec';
import { renderRegisterXlsx } from './register-xlsx';

async function read(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

const ROWS = 40;
const names = ['𠮷田丽', '王𪚥'];

describe('a register as an .xlsx', () => {
  it('types every cell: numbers as numbers, days and times as dates in a date format, text as text; classified entries marked', async () => {
    const sheet = await read(await renderRegisterXlsx(loanRegister({ rows: ROWS, names })));
    // The title block, then the frozen header row with its filter.
    expect([1, 2, 3, 4, 5].map((row) => sheet.getCell(`A${row}`).value)).toEqual([
      '上海浦江汽车销售服务有限公司',
      '外借登记册',
      '期间：2026-01-01 至 2026-03-31',
      '筛选：全部部门；外借与查阅',
      '打印：档案员小王（clerk），2026-04-01 09:30',
    ]);
    expect(sheet.getRow(7).values).toEqual([undefined, '序号', '档号', '案卷题名', '借阅人', '部门', '方式', '借出时间', '应还日期', '归还时间', '逾期天数', '审批人', '状态', '密级']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(sheet.autoFilter).toBe(`A7:M${7 + ROWS}`);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '7:7', paperSize: 9 });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    expect(sheet.getColumn(7).width).toBeGreaterThanOrEqual(17);

    const expected = [...loanRows({ rows: ROWS, names })];
    expected.forEach((entry, i) => {
      const row = sheet.getRow(8 + i);
      const [position, number, title, borrower, , , out, due, back, late] = entry.cells as (string | number | null)[];
      expect(row.getCell(1).value).toBe(position);
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(2).value).toBe(number);
      expect(row.getCell(3).value).toBe(title);
      expect(row.getCell(4).value).toBe(borrower);
      // Dates are dates (a serial day with a date format), their wall-clock value exact.
      const [y, mo, d, h, mi] = String(out).split(/[- :]/).map(Number) as [number, number, number, number, number];
      expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Date);
      expect(row.getCell(7).value).toEqual(new Date(Date.UTC(y, mo - 1, d, h, mi)));
      expect(row.getCell(7).numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Date);
      expect((row.getCell(8).value as Date).toISOString().slice(0, 10)).toBe(due);
      expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd');
      expect(row.getCell(9).type).toBe(back === null ? ExcelJS.ValueType.Null : ExcelJS.ValueType.Date);
      expect(row.getCell(10).value).toBe(late);
      expect(row.getCell(10).type).toBe(ExcelJS.ValueType.Number);
      expect(row.getCell(13).value).toBe(entry.level?.name ?? null);
      if (entry.level) expect(row.getCell(13).font.color?.argb).toBe('FFC01A1A');
    });
    expect(expected.some((entry) => entry.level)).toBe(true);

    // The totals under the table: a number, summed.
    const totals = sheet.getRow(8 + ROWS);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(10).value).toBe(expected.reduce((sum, entry) => sum + Number(entry.cells[9] ?? 0), 0));
    expect(totals.getCell(10).font.bold).toBe(true);
    // Classified entries listed: the marking, the notice and the watermark head every printed page.
    expect(sheet.headerFooter.oddHeader).toContain('机密 内部资料，严禁外传 档案员小王（clerk） 档案室 2026-04-01 09:30');
  });

  it('keeps text text: a formula cannot run, a malformed day stays as written; money has two decimals', async () => {
    const spec: RegisterSpec = {
      ...loanRegister({ rows: 0 }),
      companyName: '',
      columns: [
        { title: '责任人', weight: 2, type: 'text' },
        { title: '日期', weight: 1, type: 'day' },
        { title: '罚款（元）', weight: 1, type: 'money', total: true },
      ],
      rows: [{ cells: ['=HYPERLINK("http://example.com","点我")', '2026-02-30', 50] }, { cells: ['李四', '2026-02-28', 0.1] }, { cells: ['王五', null, 0.2] }],
    };
    const sheet = await read(await renderRegisterXlsx(spec));
    // No company: the register's name heads the sheet.
    expect(sheet.getCell('A1').value).toBe('外借登记册');
    const first = sheet.getRow(7);
    expect(first.getCell(1).value).toBe('\'=HYPERLINK("http://example.com","点我")');
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(2).value).toBe('2026-02-30');
    expect(first.getCell(3).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(10).getCell(3).value).toBe(50.3);
    expect(sheet.headerFooter.oddHeader).toBe('&C&KC01A1A内部资料，严禁外传');
  });
});
