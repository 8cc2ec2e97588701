import { labelsPerPage, unprintedEdge, type LabelSheet } from '../../../shared/label-sheets';
import { AppError } from '../../../shared/errors';
import { mm } from './fixed-page';

/** Where one label lies on its page, in points from the page's bottom left. */
export interface LabelBox {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

export interface PlacedLabel<T> {
  /** 0 for the first page. */
  page: number;
  box: LabelBox;
  label: T;
}

/**
 * The box of the label at a position of the sheet (0: top left; left to right, then down): the
 * part of the label the printer reaches, which on an edge-to-edge sheet leaves out the page's
 * unprinted edge.
 */
function labelBox(sheet: LabelSheet, position: number): LabelBox {
  const edge = unprintedEdge(sheet);
  const x = sheet.margin.left + (position % sheet.columns) * (sheet.label.width + sheet.gap.column);
  const y = sheet.margin.top + Math.floor(position / sheet.columns) * (sheet.label.height + sheet.gap.row);
  const [left, right] = [Math.max(edge, x), Math.min(sheet.page.width - edge, x + sheet.label.width)];
  const [top, bottom] = [Math.max(edge, y), Math.min(sheet.page.height - edge, y + sheet.label.height)];
  // Millimetres from the page's top left above; points from its bottom left below.
  return { left: mm(left), bottom: mm(sheet.page.height - bottom), width: mm(right - left), height: mm(bottom - top) };
}

/**
 * The labels in sheet order, the first on the `startAt`-th label of the first sheet (1: its first;
 * a sheet partly used before starts further on), as many sheets as they take.
 */
export function placeLabels<T>(sheet: LabelSheet, labels: readonly T[], startAt = 1): PlacedLabel<T>[] {
  const perPage = labelsPerPage(sheet);
  if (!Number.isInteger(startAt) || startAt < 1 || startAt > perPage) {
    throw new AppError('VALIDATION', {
      zh: `起始位置须为 1 到 ${perPage} 之间的整数（此标签纸每张 ${perPage} 个标签）`,
      en: `The starting position must be a whole number from 1 to ${perPage} (this sheet holds ${perPage} labels)`,
    });
  }
  if (labels.length === 0) throw new AppError('VALIDATION', { zh: '没有要打印的标签', en: 'There are no labels to print' });
  return labels.map((label, i) => {
    const slot = startAt - 1 + i;
    return { page: Math.floor(slot / perPage), box: labelBox(sheet, slot % perPage), label };
  });
}
