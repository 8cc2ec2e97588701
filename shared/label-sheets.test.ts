import { describe, expect, it } from 'vitest';
import { DEFAULT_SHEET, labelKinds, labelSheet, labelSheets, labelsPerPage, sheetIds, sheetIdSchema } from './label-sheets';

describe('the catalogue of label sheets', () => {
  it('names each sheet once, in Chinese and English, with a stable id', () => {
    expect(new Set(sheetIds).size).toBe(labelSheets.length);
    for (const sheet of labelSheets) {
      expect(sheet.id).toMatch(/^(a4|roll)-[a-z0-9-]+$/);
      expect(sheet.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(sheet.name.en).toMatch(/^[\x20-\x7e–×]+$/);
    }
    expect(sheetIds).toContain(DEFAULT_SHEET);
    expect(sheetIds).toEqual(expect.arrayContaining(['a4-3x8', 'a4-2x7', 'roll-70x40', 'roll-100x50']));
  });

  it('has spine, box and folder labels, on A4 sheets and thermal rolls', () => {
    for (const kind of labelKinds) expect(labelSheets.some((sheet) => sheet.kind === kind && sheet.stock === 'sheet')).toBe(true);
    expect(labelSheets.filter((sheet) => sheet.stock === 'roll').length).toBeGreaterThanOrEqual(2);
  });

  it('lays every label inside its page, rolls one label the size of the page, spines upright', () => {
    for (const sheet of labelSheets) {
      const across = sheet.margin.left + sheet.columns * sheet.label.width + (sheet.columns - 1) * sheet.gap.column;
      const down = sheet.margin.top + sheet.rows * sheet.label.height + (sheet.rows - 1) * sheet.gap.row;
      expect(across, sheet.id).toBeLessThanOrEqual(sheet.page.width + 1e-9);
      expect(down, sheet.id).toBeLessThanOrEqual(sheet.page.height + 1e-9);
      if (sheet.stock === 'sheet') expect(sheet.page, sheet.id).toEqual({ width: 210, height: 297 });
      else {
        expect(labelsPerPage(sheet), sheet.id).toBe(1);
        expect(sheet.page, sheet.id).toEqual(sheet.label);
      }
      if (sheet.kind === 'spine') expect(sheet.label.height, sheet.id).toBeGreaterThan(sheet.label.width * 4);
    }
  });

  it('refuses a sheet it does not have, naming those it has', () => {
    expect(labelSheet('a4-3x8').columns).toBe(3);
    expect(sheetIdSchema.safeParse('a4-3x8').success).toBe(true);
    expect(sheetIdSchema.safeParse('a4-9x9').success).toBe(false);
    expect(() => labelSheet('a4-9x9')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => labelSheet('a4-9x9')).toThrow(/choose one of .*a4-3x8/);
  });
});
