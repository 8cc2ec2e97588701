import { describe, expect, it } from 'vitest';
import { parseScanCode } from '../../../shared/scan-codes';
import { decodePdfPage, drawnBarcodes, points } from '../../../tests/helpers/barcodes';
import { inspectPdf } from '../../../tests/helpers/pdf';
import { renderCoverSheets, renderSeparatorSheet, type CoverSheetData } from './cover-sheet';

/** Office scanners file batches at 150–300 dpi; the covers must read at the low end. */
const DPI = 150;

const sheets: CoverSheetData[] = [
  { archiveNumber: 'KH-2026-000001', title: '张三 沪A12345 新车档案', checklistItem: { key: 'idCopy', name: '身份证复印件（正反面）' }, levelLabel: '秘密' },
  { archiveNumber: '翠苑-3-2-101', title: '翠苑3栋2单元101室 王五 一户一档', checklistItem: null, levelLabel: null },
];

describe('scan cover sheets and the separator sheet', () => {
  it('prints one A4 cover per dossier or checklist item: its words as text, its QR code read back as DD:C', async () => {
    const bytes = await renderCoverSheets({ sheets });
    const pdf = inspectPdf(bytes);
    expect(pdf.pages).toBe(2);
    expect(pdf.pageSize).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(pdf.check).toContain('No syntax or stream encoding errors');
    const [first = '', second = ''] = pdf.text.split('\f');
    for (const words of ['扫描封面', 'KH-2026-000001', '张三 沪A12345 新车档案', '必备材料：身份证复印件（正反面）', '秘密', '扫描封面 – 请放在本批文件最前面', 'Scan cover – place it first in the batch']) {
      expect(first).toContain(words);
    }
    for (const words of ['翠苑-3-2-101', '翠苑3栋2单元101室 王五 一户一档', '整份档案（不指定必备材料）']) expect(second).toContain(words);
    expect(second).not.toContain('秘密');

    const [cover] = await decodePdfPage(bytes, 1, DPI);
    expect(cover?.text).toBe('DD:C:KH-2026-000001:idCopy');
    expect(cover?.ecLevel).toBe('Q');
    const [whole] = await decodePdfPage(bytes, 2, DPI);
    expect(parseScanCode(whole?.text ?? '')).toEqual({ kind: 'cover', archiveNumber: '翠苑-3-2-101', checklistItemKey: null });
    // A large code: modules of about 2 mm.
    for (const page of [0, 1]) for (const code of await drawnBarcodes(bytes, page)) expect(code.module).toBeGreaterThan(points(1.5));
  });

  it('prints the separator sheet: 分隔页 in words, DD:S as QR code', async () => {
    const bytes = await renderSeparatorSheet();
    const pdf = inspectPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('分隔页');
    expect(pdf.text).toContain('Separator – starts the next document');
    const found = await decodePdfPage(bytes, 1, DPI);
    expect(found.map((code) => code.text)).toEqual(['DD:S']);
    expect(parseScanCode(found[0]?.text ?? '')).toEqual({ kind: 'separator' });
  });

  it('refuses to print no cover sheets at all, and a cover for a checklist item key the archive cannot hold', async () => {
    await expect(renderCoverSheets({ sheets: [] })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(renderCoverSheets({ sheets: [{ ...sheets[0]!, checklistItem: { key: 'id:copy', name: '身份证' } }] })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
