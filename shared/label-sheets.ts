import { z } from 'zod';
import { AppError, type Message } from './errors';

/**
 * The label stock labels are printed on, by name: A4 sheets of self-adhesive labels (不干胶标签纸)
 * and the rolls of a thermal label printer (one label per page, the page the size of the label).
 * All lengths in millimetres; a sheet's labels run left to right, then top to bottom.
 *
 * - spine (脊背标签): a long upright strip for the spine of an archive box (档案盒, 310 × 220 mm,
 *   spines 20–60 mm wide), the text set top to bottom in the Chinese way;
 * - box (盒签): the front of a box or a large folder;
 * - folder (卷签): the tab or cover of a folder.
 */
export const labelKinds = ['spine', 'box', 'folder'] as const;
export type LabelKind = (typeof labelKinds)[number];

export interface LabelSheet {
  id: string;
  name: Message;
  kind: LabelKind;
  /** An A4 sheet for an office printer, or a roll for a label printer (one label per page). */
  stock: 'sheet' | 'roll';
  page: { width: number; height: number };
  /** From the page's top left corner to the first label's. */
  margin: { top: number; left: number };
  columns: number;
  rows: number;
  label: { width: number; height: number };
  /** Between neighbouring labels: across (column) and down (row). */
  gap: { column: number; row: number };
}

const A4 = { width: 210, height: 297 };

export const labelSheets = [
  {
    id: 'a4-spine-4',
    name: { zh: 'A4 脊背标签 4 条（45×277 毫米，适合 5–6 厘米盒脊）', en: 'A4 spine labels, 4 strips (45 × 277 mm, for 5–6 cm box spines)' },
    kind: 'spine',
    stock: 'sheet',
    page: A4,
    margin: { top: 10, left: 10.5 },
    columns: 4,
    rows: 1,
    label: { width: 45, height: 277 },
    gap: { column: 3, row: 0 },
  },
  {
    id: 'a4-spine-6',
    name: { zh: 'A4 脊背标签 6 条（30×277 毫米，适合 3–4 厘米盒脊）', en: 'A4 spine labels, 6 strips (30 × 277 mm, for 3–4 cm box spines)' },
    kind: 'spine',
    stock: 'sheet',
    page: A4,
    margin: { top: 10, left: 10 },
    columns: 6,
    rows: 1,
    label: { width: 30, height: 277 },
    gap: { column: 2, row: 0 },
  },
  {
    id: 'a4-2x4',
    name: { zh: 'A4 盒签 8 格（2×4，99.1×67.7 毫米）', en: 'A4 box labels, 8 per sheet (2 × 4, 99.1 × 67.7 mm)' },
    kind: 'box',
    stock: 'sheet',
    page: A4,
    margin: { top: 13.1, left: 4.65 },
    columns: 2,
    rows: 4,
    label: { width: 99.1, height: 67.7 },
    gap: { column: 2.5, row: 0 },
  },
  {
    id: 'a4-2x7',
    name: { zh: 'A4 卷签 14 格（2×7，99.1×38.1 毫米）', en: 'A4 folder labels, 14 per sheet (2 × 7, 99.1 × 38.1 mm)' },
    kind: 'folder',
    stock: 'sheet',
    page: A4,
    margin: { top: 15.15, left: 4.65 },
    columns: 2,
    rows: 7,
    label: { width: 99.1, height: 38.1 },
    gap: { column: 2.5, row: 0 },
  },
  {
    id: 'a4-3x8',
    name: { zh: 'A4 卷签 24 格（3×8，70×37 毫米）', en: 'A4 folder labels, 24 per sheet (3 × 8, 70 × 37 mm)' },
    kind: 'folder',
    stock: 'sheet',
    page: A4,
    margin: { top: 0.5, left: 0 },
    columns: 3,
    rows: 8,
    label: { width: 70, height: 37 },
    gap: { column: 0, row: 0 },
  },
  {
    id: 'roll-70x40',
    name: { zh: '热敏标签卷 70×40 毫米（每页一张）', en: 'Thermal label roll, 70 × 40 mm (one label per page)' },
    kind: 'folder',
    stock: 'roll',
    page: { width: 70, height: 40 },
    margin: { top: 0, left: 0 },
    columns: 1,
    rows: 1,
    label: { width: 70, height: 40 },
    gap: { column: 0, row: 0 },
  },
  {
    id: 'roll-100x50',
    name: { zh: '热敏标签卷 100×50 毫米（每页一张）', en: 'Thermal label roll, 100 × 50 mm (one label per page)' },
    kind: 'box',
    stock: 'roll',
    page: { width: 100, height: 50 },
    margin: { top: 0, left: 0 },
    columns: 1,
    rows: 1,
    label: { width: 100, height: 50 },
    gap: { column: 0, row: 0 },
  },
] as const satisfies readonly LabelSheet[];

export type SheetId = (typeof labelSheets)[number]['id'];

export const sheetIds = labelSheets.map((sheet) => sheet.id) as [SheetId, ...SheetId[]];

export const sheetIdSchema = z.enum(sheetIds);

/** Printed unless the clerk chooses another: the common A4 folder label sheet. */
export const DEFAULT_SHEET: SheetId = 'a4-3x8';

/** A sheet by its id; an unknown id is refused (VALIDATION) with the ids there are. */
export function labelSheet(id: string): LabelSheet {
  const sheet = labelSheets.find((candidate) => candidate.id === id);
  if (!sheet) throw new AppError('VALIDATION', { zh: `没有标签纸“${id}”，可选：${sheetIds.join('、')}`, en: `There is no label sheet "${id}"; choose one of ${sheetIds.join(', ')}` });
  return sheet;
}

/**
 * Millimetres along a page's edges an office printer leaves blank: nothing of a label is printed
 * there (a label printer prints its roll's labels edge to edge).
 */
export const unprintedEdge = (sheet: LabelSheet): number => (sheet.stock === 'sheet' ? 4 : 0);

/** How many labels one page holds. */
export const labelsPerPage = (sheet: LabelSheet): number => sheet.columns * sheet.rows;
