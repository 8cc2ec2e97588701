import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_MAX_ROWS } from '../../../../shared/contract';
import { ADMIN, addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { inspectPdf, redShare, renderPdfPage } from '../../../../tests/helpers/pdf';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';

const tempDir = useTempDirs();
const today = new Date().toISOString().slice(0, 10);

/** A sales department with a clerk who sees everything, one cleared only for 内部, and a member of staff. */
async function archive(dir: string) {
  const core = await newArchive(dir);
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  await addUser(core, { login: 'clerk', displayName: '档案员小王', roles: ['clerk'], departmentCode: 'XSB' });
  await addUser(core, { login: 'junior', displayName: '档案员小李', roles: ['clerk'], departmentCode: 'XSB', clearance: 1 });
  await addUser(core, { login: 'staff', displayName: '业务员小赵', roles: ['staff'], departmentCode: 'XSB' });
  const secret = await ok(core, 'dossier:create', { title: '张三 沪A12345 机密档案', level: 3, departmentCode: 'XSB', remarks: '客户要求单独存放' });
  const classified = await ok(core, 'dossier:create', { title: '李四 秘密档案', level: 2, departmentCode: 'XSB' });
  const plain = await ok(core, 'dossier:create', { title: '王五 内部档案', level: 1, departmentCode: 'XSB' });
  const formula = await ok(core, 'dossier:create', { title: '=HYPERLINK("http://example.com","点我") 恶意题名', level: 1, departmentCode: 'XSB' });
  const vehicle = await ok(core, 'dossier:create', {
    typeKey: 'vehicle-new',
    fields: { customerName: '赵六', phone: '13800138000', vin: 'LSVAU2180N2183294', deliveryDate: '2026-11-02', plate: '沪B54321' },
    departmentCode: 'XSB',
  });
  return { core, secret, classified, plain, formula, vehicle };
}

async function readSheet(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: 9 }, (_, i) => (row.getCell(i + 1).value as string | number | null) ?? null)));
  return { workbook, sheet, rows };
}

describe('the dossier list as a sheet and as a printed catalogue (案卷目录)', () => {
  it('exports the list as the user sees it to .xlsx: header, frozen, widths, marked remarks, formula-safe, watermark, audited', async () => {
    const { core, secret, classified, formula, vehicle } = await archive(tempDir());
    await switchTo(core, 'clerk');
    const file = await ok(core, 'dossier:export-list', { format: 'xlsx', filters: { departmentCodes: ['XSB'] }, sort: { by: 'archiveNumber', direction: 'asc' } });
    expect(file.fileName).toMatch(/^案卷目录-\d{8}-\d{4}\.xlsx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

    const { workbook, sheet, rows } = await readSheet(file.bytes);
    expect(rows[0]?.[0]).toBe('案卷目录');
    expect(rows[1]?.[0]).toBe('范围：部门：销售部；按档号升序');
    expect(rows[2]?.[0]).toMatch(/^导出：档案员小王（clerk），\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows[3]).toEqual(['序号', '档号', '案卷题名', '档案类型', '密级', '部门', '建档日期', '保管期限', '备注']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:I9');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '4:4' });
    expect(sheet.getColumn(3).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);

    // The same dossiers in the same order as the list on screen.
    const listed = (await ok(core, 'dossier:list', { filters: { departmentCodes: ['XSB'] }, sort: { by: 'archiveNumber', direction: 'asc' } })).items.map((d) => d.archiveNumber);
    const table = rows.slice(4, 9);
    expect(table.map((row) => row[1])).toEqual(listed);
    expect(table.map((row) => row[0])).toEqual([1, 2, 3, 4, 5]);
    const byNumber = new Map(table.map((row) => [row[1], row]));
    expect(byNumber.get(secret.archiveNumber)).toEqual([expect.any(Number), secret.archiveNumber, '张三 沪A12345 机密档案', null, '机密', '销售部', today, null, '机密；客户要求单独存放']);
    expect(byNumber.get(classified.archiveNumber)?.slice(4)).toEqual(['秘密', '销售部', today, null, null]);
    expect(byNumber.get(vehicle.archiveNumber)?.slice(2, 8)).toEqual(['赵六 沪B54321 新车档案', '新车档案', '内部', '销售部', today, '30年']);
    // A title that looks like a formula stays text that cannot run.
    const cell = sheet.getCell(`C${4 + listed.indexOf(formula.archiveNumber) + 1}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${formula.title}`);

    // Classified dossiers listed: the watermark (user, department, time) heads every printed page.
    expect(sheet.headerFooter.oddHeader).toMatch(new RegExp(`机密 内部资料，严禁外传 档案员小王（clerk） 销售部 ${today}`));
    expect(rows.at(-2)?.[0]).toBe('本目录共 5 份档案。');
    expect(rows.at(-1)?.[0]).toMatch(/^含涉密档案。机密 内部资料，严禁外传 档案员小王（clerk） 销售部/);
    expect(workbook.creator).toBe('档案员小王（clerk）');

    await switchTo(core, 'admin', 'admin-password-1');
    const [recorded] = (await ok(core, 'audit:list', { action: 'dossier:export-list' })).items;
    expect(recorded?.user?.login).toBe('clerk');
    expect(recorded?.summary).toEqual({
      format: 'xlsx',
      list: '部门：销售部；按档号升序',
      filters: { departmentCodes: ['XSB'] },
      sort: { by: 'archiveNumber', direction: 'asc' },
      rows: 5,
      classified: 2,
      watermarked: true,
    });
    await core.close();
  });

  it('lists only what the user may see: no secret rows for a clerk cleared for 内部, and then no watermark', async () => {
    const { core, secret, classified, plain } = await archive(tempDir());
    await switchTo(core, 'junior');
    const sheet = await readSheet((await ok(core, 'dossier:export-list', { format: 'xlsx' })).bytes);
    const numbers = sheet.rows.slice(4).map((row) => row[1]);
    expect(numbers).toContain(plain.archiveNumber);
    expect(numbers).not.toContain(secret.archiveNumber);
    expect(numbers).not.toContain(classified.archiveNumber);
    expect(sheet.rows.flat().join()).not.toMatch(/张三|李四|机密|秘密/);
    expect(sheet.sheet.headerFooter.oddHeader).toBeFalsy();

    const pdf = inspectPdf((await ok(core, 'dossier:export-list', { format: 'pdf', query: '档案' })).bytes);
    expect(pdf.text).toContain('王五 内部档案');
    expect(pdf.text).not.toMatch(/张三|李四/);
    expect(pdf.text).toContain('本目录共 2 份档案。');
    expect(pdf.info).not.toContain('Watermark');
    // Someone who may only read may not export.
    await switchTo(core, 'staff');
    expect(await call(core, 'dossier:export-list', { format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.close();
  });

  it('prints a catalogue: A4 landscape, the search and filters in words, the header and marking on every page, 第 N 页 共 M 页, Chinese text, watermark outside the text', async () => {
    const { core, secret } = await archive(tempDir());
    for (let i = 1; i <= 70; i += 1) await ok(core, 'dossier:create', { title: `批量客户${i} 沪C${10000 + i} 机密档案（单独存放，专人保管）`, level: i % 7 === 0 ? 3 : 1, departmentCode: 'XSB' });
    await switchTo(core, 'clerk');
    const file = await ok(core, 'dossier:export-list', { format: 'pdf', query: '档案', filters: { departmentCodes: ['XSB'] }, sort: { by: 'archiveNumber', direction: 'desc' } });
    expect(file.fileName).toMatch(/^案卷目录-\d{8}-\d{4}\.pdf$/);
    const pdf = inspectPdf(file.bytes);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    expect(pdf.fonts).toMatch(/NotoSansSC-Regular.*CID TrueType.*yes/);
    const pages = pdf.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(2);
    expect(pages[0]).toContain('案卷目录');
    expect(pages[0]).toContain('范围：检索“档案”；部门：销售部；按档号降序');
    expect(pages[0]).toMatch(/打印：档案员小王（clerk），\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    pages.forEach((page, i) => {
      expect(page.split('\n')[0]).toBe('案卷目录 机密');
      expect(page).toContain('序号 档号 案卷题名 档案类型 密级 部门 建档日期 保管期限 备注');
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
    expect(pdf.layout).toMatch(new RegExp(`${secret.archiveNumber}\\s+张三 沪A12345 机密档案\\s+机密\\s+销售部\\s+${today}\\s+机密；客户要求单独`));
    expect(pdf.text).toContain('本目录共 74 份档案。');
    expect(pdf.text).not.toMatch(/档案员小王（clerk） 销售部/);
    expect(pdf.info).toMatch(new RegExp(`Watermark:\\s+档案员小王（clerk） 销售部 ${today}`));
    expect(redShare(renderPdfPage(file.bytes, 2), { left: 0, top: 0.3, right: 1, bottom: 0.9 })).toBeGreaterThan(0.01);
    expect(pdf.pageSize).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    await core.close();
  });

  it('refuses to print a search while the search index is rebuilt, which could leave dossiers out', async () => {
    const dir = tempDir();
    const { core } = await archive(dir);
    await ok(core, 'session:lock', {});
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare("UPDATE archive_meta SET value = 'old' WHERE key = 'search_index_version'").run();
    raw.prepare('DELETE FROM search_grams').run();
    raw.close();
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const refused = await call(core, 'dossier:export-list', { format: 'pdf', query: '张三' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Filters alone do not use the index.
    expect((await ok(core, 'dossier:export-list', { format: 'pdf', filters: { levels: [1] } })).bytes.length).toBeGreaterThan(0);
    await expect.poll(async () => (await call(core, 'dossier:export-list', { format: 'xlsx', query: '张三' })).ok, { interval: 20 }).toBe(true);
    await core.close();
  });

  it('refuses a list longer than an export may hold, with a bilingual message, before writing anything', async () => {
    const { core } = await archive(tempDir());
    const max = CATALOGUE_MAX_ROWS.pdf;
    CATALOGUE_MAX_ROWS.pdf = 4;
    try {
      const refused = await call(core, 'dossier:export-list', { format: 'pdf' });
      if (refused.ok) throw new Error('a list of 5 was printed although 4 is the most');
      expect(refused.error.code).toBe('LIMIT_EXCEEDED');
      expect(refused.error.message).toContain('打印目录最多 4 份档案');
      expect(refused.error.messageEn).toContain('at most 4 dossiers');
      expect((await ok(core, 'dossier:export-list', { format: 'pdf', filters: { levels: [1] } })).bytes.length).toBeGreaterThan(0);
    } finally {
      CATALOGUE_MAX_ROWS.pdf = max;
    }
    expect((await ok(core, 'audit:list', { action: 'dossier:export-list' })).items.map((e) => e.summary?.rows)).toEqual([3]);
    await core.close();
  });
});
