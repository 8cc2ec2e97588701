import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inkShare, inspectPdf, redShare, renderPdfPage } from '../../../tests/helpers/pdf';
import { loanRegister, loanRows } from '../../../tests/helpers/sample-loan-register';
import type { RegisterRow, RegisterSpec } from '../registers/register-spec';
import { MISSING_GLYPH } from './char-setting';
import { renderRegisterPdf } from './register';

/** 𠮷 and 𪚥 (CJK Extension B) are beyond Noto Sans SC; 𱍐 (Extension H) is in neither font. */
const names = ['𠮷田丽', '王𪚥', '李𱍐', '刘䶮'];
const ROWS = 70;

function expectedRows(): RegisterRow[] {
  return [...loanRows({ rows: ROWS, names })];
}

/** A register printed from a list, as every register is from its rows. */
const register = (overrides: Partial<RegisterSpec> = {}) => renderRegisterPdf({ ...loanRegister({ rows: ROWS, names }), ...overrides });

describe('a register printed for auditors', () => {
  it('gives back every name and number exactly, pages numbered 第 x 页 共 y 页, the heading and the notice on every page', async () => {
    const bytes = await register();
    const pdf = inspectPdf(bytes);
    const pageCount = (await PDFDocument.load(bytes)).getPageCount();
    expect(pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.pages).toBe(pageCount);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    expect(pdf.pageSize).toContain('841.89 x 595.28'); // twelve columns need A4 landscape

    const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => {
      for (const heading of ['上海浦江汽车销售服务有限公司', '外借登记册', '期间：2026-01-01 至 2026-03-31', '内部资料，严禁外传', '打印：档案员小王（clerk），2026-04-01 09:30', '序号 档号 案卷题名']) expect(page).toContain(heading);
      expect(page).toContain(`第 ${i + 1} 页 共 ${pageCount} 页`);
    });

    // Each entry on a line of its own, its cells as written: names, archive numbers, times, days.
    const lines = pdf.text.split('\n');
    for (const row of expectedRows()) {
      const [position, number, , borrower, department, , out, due, back, late] = row.cells as (string | number | null)[];
      const line = lines.find((l) => l.startsWith(`${position} ${number} `));
      expect(line, `entry ${position}`).toBeDefined();
      const settable = String(borrower).replace('𱍐', MISSING_GLYPH);
      for (const cell of [settable, department, out, due, back, late]) if (cell !== null) expect(line).toContain(String(cell));
      if (row.level) expect(line?.endsWith(` ${row.level.name}`)).toBe(true);
      else expect(line).not.toMatch(/(秘密|机密)$/);
    }
    // The second font sets the characters Noto Sans SC lacks; only 𱍐, which no font has, becomes 〓.
    expect(pdf.text).toContain('𠮷田丽');
    expect(pdf.text).toContain('王𪚥');
    expect(pdf.text).toContain('刘䶮');
    expect(pdf.text).toContain(`李${MISSING_GLYPH}`);
    // Both fonts embedded, each with its map back to Unicode (emb … uni).
    expect(pdf.fonts).toMatch(/NotoSansSC-Regular\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(pdf.fonts).toMatch(/HanaMinB\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);

    // The totals, the summary and the lines to sign end the register.
    const late = expectedRows().reduce((sum, row) => sum + Number(row.cells[9] ?? 0), 0);
    const classified = expectedRows().filter((row) => row.level).length;
    const last = pages.at(-1) ?? '';
    expect(last).toContain(`合计 ${late}`);
    expect(last).toContain(`本册共 ${ROWS} 笔借阅，其中涉密档案 ${classified} 笔（密级栏标明），逾期合计 ${late} 天。`);
    expect(last).toMatch(/审核人：\s*日期：\s*年\s*月\s*日\s*审批人：\s*日期：\s*年\s*月\s*日/);
  });

  it('never leaves the summary and the signatures on a page of their own: the table’s last rows go with them', async () => {
    // Around the first page's end: the closing block fits under the last row, or both move on.
    for (let rows = 14; rows <= 26; rows += 1) {
      const pdf = inspectPdf(await renderRegisterPdf(loanRegister({ rows })));
      const last = pdf.text.split('\f').filter((page) => page.trim() !== '').at(-1) ?? '';
      expect(last, `${rows} entries`).toContain('序号 档号 案卷题名');
      expect(last, `${rows} entries`).toMatch(/\n合计 \d+\n本册共/);
      expect(last, `${rows} entries`).toContain('审核人');
    }
  });

  it('marks classified entries: their level in red in the 密级 column, the highest marked level on every page, the export’s watermark', async () => {
    const bytes = await register();
    const pdf = inspectPdf(bytes);
    expect(expectedRows().some((row) => row.level?.marked)).toBe(true);
    const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
    // Read right after the caption above the rule, where the marking stands.
    for (const page of pages) expect(page.split('\n')[0]).toBe('上海浦江汽车销售服务有限公司 机密');
    expect(pdf.info).toMatch(/Watermark:\s+档案员小王（clerk） 档案室 2026-04-01 09:30/);
    // The level names are red: the 密级 column, at the page's right edge, holds red ink (without the
    // watermark, which is faintly red itself) and the column beside it none.
    const page = renderPdfPage(await register({ watermark: null }), 1, 60);
    expect(redShare(page, { left: 0.915, top: 0.25, right: 0.943, bottom: 0.9 })).toBeGreaterThan(0.01);
    expect(redShare(page, { left: 0.84, top: 0.25, right: 0.9, bottom: 0.9 })).toBe(0);
  });

  it('without classified entries or a company name: the register’s name alone, no marking, no watermark; portrait when its columns fit; no second font when no character needs it', async () => {
    const rows: RegisterRow[] = [
      { cells: [1, '张三', '2026-03-02', 0.1] },
      { cells: [2, '李四', '2026-03-05', 0.2] },
      { cells: [3, '=HYPERLINK("x")', '2026-03-09', 1234] },
    ];
    const bytes = await renderRegisterPdf({
      ...loanRegister({ rows: 0 }),
      name: '违规处罚台账',
      companyName: '',
      columns: [
        { title: '序号', weight: 1, type: 'integer' },
        { title: '责任人', weight: 3, type: 'text' },
        { title: '日期', weight: 2, type: 'day' },
        { title: '罚款（元）', weight: 2, type: 'money', total: true },
      ],
      rows,
      summary: undefined,
    });
    const pdf = inspectPdf(bytes);
    expect(pdf.pageSize).toContain('595.28 x 841.89');
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    expect(pdf.fonts).not.toContain('HanaMinB');
    expect(pdf.info).not.toContain('Watermark');
    const lines = pdf.text.split('\n');
    // Nothing above the rule but the notice; the register's name heads the page.
    expect(lines.slice(0, 3)).toEqual(['内部资料，严禁外传', '违规处罚台账', '期间：2026-01-01 至 2026-03-31']);
    expect(pdf.text).not.toContain('机密');
    expect(lines).toContain('3 =HYPERLINK("x") 2026-03-09 1,234.00');
    // Money is summed in fen: 0.1 + 0.2 + 1234 is 1,234.30, not 1,234.3000000000002.
    expect(lines).toContain('合计 1,234.30');
    expect(lines).toContain('本册共 3 条登记。');
  });

  it('sets the rare characters from the second font even with the system’s fonts hidden: never a blank where a name was', async () => {
    const rare = '𠮷𪚥𡈽';
    const spec = (name: string): RegisterSpec => ({
      ...loanRegister({ rows: 0 }),
      columns: [{ title: '姓名', weight: 1, type: 'text' }],
      rows: [{ cells: [name.repeat(12)] }],
      summary: () => [],
      signatures: [],
    });
    // The name's cell, rendered: the rare characters leave as much ink as common ones do.
    const ink = async (name: string) => inkShare(renderPdfPage(await renderRegisterPdf(spec(name)), 1, 60), { left: 0.08, top: 0.2, right: 0.9, bottom: 0.26 });
    const [common, beyond] = [await ink('王丽华'), await ink(rare)];
    expect(common).toBeGreaterThan(0.02);
    expect(beyond).toBeGreaterThan(common * 0.4);
    expect(inspectPdf(await renderRegisterPdf(spec(rare))).text).toContain(rare.repeat(12));
  });
});
