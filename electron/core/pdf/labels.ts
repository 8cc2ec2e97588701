import { labelSheet } from '../../../shared/label-sheets';
import { FixedPageWriter, mm } from './fixed-page';
import { drawFlatLabel } from './flat-label';
import type { LabelData } from './label-content';
import { placeLabels } from './label-sheets';
import { drawSpineLabel } from './spine-label';

export type { LabelData } from './label-content';

export interface LabelsInput {
  /** A sheet of the catalogue (shared/label-sheets.ts); another is refused (VALIDATION). */
  sheet: string;
  labels: readonly LabelData[];
  /** The position on the first sheet to start at (1: its first label), so a partly used sheet can be used up. */
  startAt?: number;
}

/**
 * Labels for dossiers, as a PDF to print on a label sheet at 100 % (no fitting to the page): each
 * with the archive number as text, as Code 128 and as QR code (DD:A:<archive number>, see
 * shared/scan-codes.ts), the title, the level, retention period, date opened and location. As
 * many pages as the labels take; the labels before `startAt` on the first page are left blank.
 */
export async function renderLabels(input: LabelsInput): Promise<Uint8Array> {
  const sheet = labelSheet(input.sheet);
  const placed = placeLabels(sheet, input.labels, input.startAt);
  const writer = await FixedPageWriter.create({ title: `档案标签 ${sheet.name.zh}`, subject: `${placed.length} 个标签 / labels`, author: 'DossierDesk' });
  const draw = sheet.kind === 'spine' ? drawSpineLabel : drawFlatLabel;
  let page = -1;
  for (const { page: index, box, label } of placed) {
    if (index !== page) {
      writer.newPage(mm(sheet.page.width), mm(sheet.page.height));
      page = index;
    }
    draw(writer, box, label, sheet);
  }
  return writer.save();
}
