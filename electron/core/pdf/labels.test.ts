import { describe, expect, it } from 'vitest';
import { labelSheet, labelSheets, type LabelSheet } from '../../../shared/label-sheets';
import { parseScanCode } from '../../../shared/scan-codes';
import { decodePdfPage, drawnBarcodes, points, type DrawnBarcode } from '../../../tests/helpers/barcodes';
import { inspectPdf, redShare, renderPdfPage } from '../../../tests/helpers/pdf';
import { pdfWords } from '../../../tests/helpers/pdf-words';
import { renderLabels, type LabelData } from './labels';

const DPI = 200;
/** Millimetres along an A4 page's edges an office printer does not print. */
const OFFICE_PRINTER_EDGE = 4;
const pixelsToMm = (pixels: number) => (pixels / DPI) * 25.4;

const label = (overrides: Partial<LabelData> = {}): LabelData => ({
  archiveNumber: 'KH-2026-000001',
  title: '张三 沪A12345 新车档案',
  levelLabel: '秘密',
  retentionLabel: '永久',
  dateOpened: '2026-03-01',
  location: '档案室一 › 3号柜 › 2层',
  ...overrides,
});

const numbered = (count: number): LabelData[] => Array.from({ length: count }, (_, i) => label({ archiveNumber: `KH-2026-${String(i + 1).padStart(6, '0')}`, title: `客户${i + 1} 新车档案` }));

/** Where a drawn barcode's centre lies, in millimetres from the page's top left. */
function centreMm(code: DrawnBarcode, pageHeightMm: number): { x: number; y: number } {
  return { x: (code.left + code.right) / 2 / points(1), y: pageHeightMm - (code.bottom + code.top) / 2 / points(1) };
}

/** Each label of a sheet as cut, in points from the page's bottom left. */
function cutLabels(sheet: LabelSheet): { left: number; right: number; top: number; bottom: number }[] {
  return Array.from({ length: sheet.columns * sheet.rows }, (_, i) => {
    const left = points(sheet.margin.left + (i % sheet.columns) * (sheet.label.width + sheet.gap.column));
    const top = points(sheet.page.height - sheet.margin.top - Math.floor(i / sheet.columns) * (sheet.label.height + sheet.gap.row));
    return { left, right: left + points(sheet.label.width), top, bottom: top - points(sheet.label.height) };
  });
}

describe('labels printed on label stock', () => {
  it('prints a roll label per page, the size of the label: number, Chinese title and level as text, Code 128 and QR code read back', async () => {
    const labels = [label(), label({ archiveNumber: 'KH-2026-000002', title: '李四 售后维修档案', levelLabel: null })];
    const bytes = await renderLabels({ sheet: 'roll-70x40', labels });
    const pdf = inspectPdf(bytes);
    expect(pdf.pages).toBe(2);
    expect(pdf.pageSize).toMatch(/^198\.4\d* x 113\.3\d* pts/);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    // The fonts embedded, each with its map back to Unicode (emb … uni): the text shows and extracts.
    expect(pdf.fonts).toMatch(/NotoSansSC-Regular\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(pdf.fonts).toMatch(/NotoSansSC-Bold\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    const pages = pdf.text.split('\f');
    expect(pages[0]).toContain('KH-2026-000001');
    expect(pages[0]).toContain('张三 沪A12345 新车档案');
    expect(pages[0]).toMatch(/秘密\s+永久\s+2026-03-01/);
    expect(pages[0]).toContain('位置：档案室一 › 3号柜 › 2层');
    expect(pages[1]).toContain('李四 售后维修档案');
    expect(pages[1]).not.toContain('秘密');
    // The level in red, top right of the label's QR code.
    expect(redShare(renderPdfPage(bytes, 1, 100), { left: 0.35, top: 0, right: 1, bottom: 0.6 })).toBeGreaterThan(0.002);

    for (const [page, number] of [[1, 'KH-2026-000001'], [2, 'KH-2026-000002']] as const) {
      const found = await decodePdfPage(bytes, page, DPI);
      expect(found.map((code) => `${code.format} ${code.text}`).sort()).toEqual([`Code128 ${number}`, `QRCode DD:A:${number}`]);
      expect(found.find((code) => code.format === 'QRCode')?.ecLevel).toBe('M');
      expect(parseScanCode(`DD:A:${number}`)).toEqual({ kind: 'archive', archiveNumber: number });
    }
  });

  it('fills a whole A4 sheet, each label read back in its place, and the next label starts a second sheet', async () => {
    const sheet = labelSheet('a4-3x8');
    const bytes = await renderLabels({ sheet: sheet.id, labels: numbered(25) });
    expect(inspectPdf(bytes).pages).toBe(2);
    const found = await decodePdfPage(bytes, 1, DPI);
    const numbers = numbered(24).map((l) => l.archiveNumber);
    expect(found.filter((code) => code.format === 'QRCode').map((code) => code.text).sort()).toEqual(numbers.map((n) => `DD:A:${n}`));
    expect(found.filter((code) => code.format === 'Code128').map((code) => code.text).sort()).toEqual(numbers);
    for (const code of found) {
      const index = Number(code.text.slice(-6)) - 1;
      const [column, row] = [Math.floor(pixelsToMm(code.centre.x) / sheet.label.width), Math.floor((pixelsToMm(code.centre.y) - sheet.margin.top) / sheet.label.height)];
      expect([column, row], code.text).toEqual([index % 3, Math.floor(index / 3)]);
    }
    const second = await decodePdfPage(bytes, 2, DPI);
    expect(second.map((code) => code.text).sort()).toEqual(['DD:A:KH-2026-000025', 'KH-2026-000025']);
    expect(pixelsToMm(second[0]?.centre.y ?? Infinity)).toBeLessThan(sheet.label.height);
  });

  it('starts at the label the clerk names on a partly used sheet', async () => {
    const sheet = labelSheet('a4-3x8');
    const bytes = await renderLabels({ sheet: sheet.id, labels: numbered(3), startAt: 23 });
    expect(inspectPdf(bytes).pages).toBe(2);
    const place = (code: DrawnBarcode) => {
      const { x, y } = centreMm(code, sheet.page.height);
      return [Math.floor(x / sheet.label.width), Math.floor((y - sheet.margin.top) / sheet.label.height)];
    };
    const first = (await drawnBarcodes(bytes, 0)).filter((code) => code.kind === 'qr');
    expect(first.map(place)).toEqual([
      [1, 7],
      [2, 7],
    ]);
    expect((await drawnBarcodes(bytes, 1)).filter((code) => code.kind === 'qr').map(place)).toEqual([[0, 0]]);
  });

  it('on every sheet, keeps every word inside its label and off the unprinted edge, however much there is to say', async () => {
    const long = label({
      archiveNumber: 'QZ001-WS-2026-Y-BGS-000123',
      title: '上海浦江汽车销售服务有限公司 李四（沪B67890）售后维修档案及索赔资料汇编 第二卷 共三卷 附：保险理赔材料、事故认定书及维修结算单',
      location: '第一档案室 › 密集架 A 区 12 列 › 左侧第 3 节 › 第 5 层 › 第 17 号盒',
    });
    for (const sheet of labelSheets) {
      const bytes = await renderLabels({ sheet: sheet.id, labels: [long, label()] });
      const cut = cutLabels(sheet);
      const edge = points(sheet.stock === 'sheet' ? OFFICE_PRINTER_EDGE : 0);
      const words = [...pdfWords(bytes, 1), ...(sheet.stock === 'roll' ? pdfWords(bytes, 2) : [])];
      expect(words.length, sheet.id).toBeGreaterThan(5);
      for (const word of words) {
        const inside = cut.some((c) => word.left >= c.left && word.right <= c.right && word.bottom >= c.bottom && word.top <= c.top);
        expect(inside, `${sheet.id}: "${word.text}" inside its label`).toBe(true);
        expect(Math.min(word.left, word.bottom, points(sheet.page.width) - word.right, points(sheet.page.height) - word.top), `${sheet.id}: "${word.text}"`).toBeGreaterThanOrEqual(edge);
      }
    }
  });

  it('on every sheet, prints Code 128 bars of at least 0.25 mm and QR modules of at least 0.5 mm, inside the label and off the unprinted edge', async () => {
    for (const sheet of labelSheets) {
      const labels = [label(), label({ archiveNumber: 'QZ001-WS-2026-000123', title: '上海浦江汽车销售服务有限公司 李四（沪B67890）售后维修档案及索赔资料汇编' })];
      const bytes = await renderLabels({ sheet: sheet.id, labels });
      // A roll prints the second label on a page of its own.
      const drawn = [...(await drawnBarcodes(bytes, 0)), ...(sheet.stock === 'roll' ? await drawnBarcodes(bytes, 1) : [])];
      expect(drawn.filter((code) => code.kind === 'qr'), sheet.id).toHaveLength(2);
      expect(drawn.filter((code) => code.kind === 'linear'), sheet.id).toHaveLength(2);
      const edge = points(sheet.stock === 'sheet' ? OFFICE_PRINTER_EDGE : 0);
      const [pageWidth, pageHeight] = [points(sheet.page.width), points(sheet.page.height)];
      const cut = cutLabels(sheet);
      const tolerance = 1e-6;
      for (const code of drawn) {
        expect(code.module, `${sheet.id} ${code.kind}`).toBeGreaterThanOrEqual(points(code.kind === 'qr' ? 0.5 : 0.25) - tolerance);
        const inside = cut.some((c) => code.left >= c.left - tolerance && code.right <= c.right + tolerance && code.bottom >= c.bottom - tolerance && code.top <= c.top + tolerance);
        expect(inside, `${sheet.id} ${code.kind} inside one label`).toBe(true);
        expect(Math.min(code.left, code.bottom, pageWidth - code.right, pageHeight - code.top), sheet.id).toBeGreaterThanOrEqual(edge - tolerance);
      }
    }
  });

  it('sets a spine label top to bottom: the title in upright characters, the number turned beside its Code 128', async () => {
    const bytes = await renderLabels({ sheet: 'a4-spine-6', labels: [label()] });
    const text = inspectPdf(bytes).text;
    // Each upright character is a line of its own when the text is read across.
    expect(text).toMatch(/张\n三\n沪\nA12345\n新\n车\n档\n案/);
    expect(text).toContain('KH-2026-000001');
    // The number and the Latin letters of the title run down the strip: taller than wide.
    for (const turned of ['KH-2026-000001', 'A12345']) {
      const word = pdfWords(bytes).find((w) => w.text === turned);
      expect(word && word.top - word.bottom > (word.right - word.left) * 2, turned).toBe(true);
    }
    const found = await decodePdfPage(bytes, 1, DPI);
    expect(found.map((code) => `${code.format} ${code.text}`).sort()).toEqual(['Code128 KH-2026-000001', 'QRCode DD:A:KH-2026-000001']);
    const bars = (await drawnBarcodes(bytes, 0)).find((code) => code.kind === 'linear');
    expect(bars && bars.top - bars.bottom > (bars.right - bars.left) * 2).toBe(true);
  });

  it('gives a number Code 128 cannot carry, or that is too long for the label at 0.25 mm a bar, its QR code alone', async () => {
    for (const archiveNumber of ['翠苑-3-2-101', 'J001-WS·2026-Y-0001', 'QZ001-WS-2026-Y-BGS-000123']) {
      const bytes = await renderLabels({ sheet: 'roll-70x40', labels: [label({ archiveNumber })] });
      // Whole, though perhaps over two lines.
      expect(inspectPdf(bytes).text.replace(/\n/g, '')).toContain(archiveNumber);
      const found = await decodePdfPage(bytes, 1, DPI);
      expect(found.map((code) => code.format)).toEqual(['QRCode']);
      expect(parseScanCode(found[0]?.text ?? '')).toEqual({ kind: 'archive', archiveNumber });
    }
  });

  it('prints a title whole in smaller type where it fits, else cuts it short with …, never the number', async () => {
    const printed = async (title: string) => {
      const bytes = await renderLabels({ sheet: 'roll-70x40', labels: [label({ archiveNumber: '翠苑-3-2-101', title })] });
      // Lines joined, spaces left out (a line break takes the space it falls on).
      return inspectPdf(bytes).text.replace(/\s/g, '');
    };
    const fits = '翠苑3栋2单元101室 王五 一户一档 上海浦江汽车销售服务有限公司 李四（沪B67890）售后维修档案及索赔资料汇编 第二卷';
    expect(await printed(fits)).toContain(fits.replace(/\s/g, ''));
    const text = await printed(`翠苑3栋2单元101室 王五 一户一档 ${'上海浦江汽车销售服务有限公司 李四（沪B67890）售后维修档案及索赔资料汇编 '.repeat(3)}第二卷`);
    expect(text).toContain('翠苑-3-2-101');
    expect(text).toContain('翠苑3栋2单元101室');
    expect(text).toContain('…');
    expect(text).not.toContain('第二卷');
  });

  it('refuses an unknown sheet, a starting place off the sheet, no labels, and a QR code too small to scan', async () => {
    const refused = (input: Parameters<typeof renderLabels>[0]) => expect(renderLabels(input)).rejects.toMatchObject({ code: 'VALIDATION' });
    await refused({ sheet: 'a4-9x9', labels: [label()] });
    for (const startAt of [0, 25, 1.5]) await refused({ sheet: 'a4-3x8', labels: [label()], startAt });
    await refused({ sheet: 'roll-70x40', labels: [] });
    // 64 Chinese characters: 576 bytes percent-encoded, a QR code far too fine for a 70 × 40 mm label.
    await refused({ sheet: 'roll-70x40', labels: [label({ archiveNumber: '档'.repeat(64) })] });
  });
});
