import type { LabelSheet } from '../../../shared/label-sheets';
import { BLACK, EM_TOP, mm, RED, type FixedPageWriter } from './fixed-page';
import { innerBox, labelCode128, labelDetails, labelQr, numberLines, type LabelData } from './label-content';
import type { LabelBox } from './label-sheets';
import { drawVerticalLine, verticalLength, verticalLines, verticalWidthOf } from './vertical-text';

/** Vertical lines stand this far apart, as a share of the type size. */
const LINE_PITCH = 1.3;
const TITLE_SIZES = { largest: 26, smallest: 11 };
const NUMBER_SIZES = { largest: 20, smallest: 9 };
const DETAIL_SIZE = 7.5;

/**
 * A spine label (脊背标签): a long upright strip for the spine of an archive box, read top to
 * bottom. From the top: the level in a red frame, the QR code, the title set vertically in
 * characters as large as the strip allows (more lines, right to left, when it is long), the
 * retention period, date opened and location across the strip in small type, and at the
 * bottom the archive number set vertically beside its Code 128, both running down the strip.
 */
export function drawSpineLabel(writer: FixedPageWriter, box: LabelBox, label: LabelData, sheet: LabelSheet): void {
  const inner = innerBox(box);
  const centre = inner.left + inner.width / 2;
  let top = inner.bottom + inner.height;

  if (label.levelLabel) {
    const size = Math.min(14, (inner.width - mm(4)) / writer.width(label.levelLabel, 'bold', 1));
    const [width, height] = [writer.width(label.levelLabel, 'bold', size) + size, size * 1.6];
    writer.frame(centre - width / 2, top - height, width, height, 1.2, RED);
    writer.centred(label.levelLabel, centre, top - height / 2 - size * 0.36, size, 'bold', RED);
    top -= height + mm(1);
  }

  const qr = labelQr(label, Math.min(inner.width, mm(32)), sheet);
  const qrSide = qr.symbol.columns * qr.module;
  writer.barcode(qr.symbol, { left: centre - qrSide / 2, top, module: qr.module });
  top -= qrSide;

  let bottom = drawNumber(writer, label, inner) + mm(4);
  bottom = drawDetails(writer, label, centre, inner.width, bottom) + mm(3);
  drawTitle(writer, label.title, centre, inner.width, top - mm(2), bottom);
}

/** The archive number and its Code 128 at the bottom of the strip; returns the top of what they take. */
function drawNumber(writer: FixedPageWriter, label: LabelData, inner: LabelBox): number {
  const longest = inner.height * 0.35;
  const code = labelCode128(label, longest);
  const barLength = code ? Math.min(Math.max(inner.width * 0.4, mm(8)), mm(14)) : 0;
  const column = inner.width - (code ? barLength + mm(1) : 0);
  let size = Math.min(NUMBER_SIZES.largest, column / LINE_PITCH);
  size = Math.max(NUMBER_SIZES.smallest, Math.min(size, (0.999 * size * longest) / verticalLength(writer, label.archiveNumber, 'bold', size)));
  const lines = numberLines(writer.settable(label.archiveNumber), verticalWidthOf(writer, 'bold', size), longest);
  const length = Math.max(code ? code.symbol.columns * code.module : 0, ...lines.map((line) => verticalLength(writer, line, 'bold', size)));
  const zoneTop = inner.bottom + length;
  drawVerticalLines(writer, lines, { centre: inner.left + column / 2, top: zoneTop, size, weight: 'bold' });
  if (code) writer.barcode(code.symbol, { left: inner.left + inner.width - barLength, top: zoneTop, module: code.module, height: barLength, turned: true });
  return zoneTop;
}

/** The retention period, date opened and location across the strip, upwards from `bottom`; returns the top of what they take. */
function drawDetails(writer: FixedPageWriter, label: LabelData, centre: number, width: number, bottom: number): number {
  const lines = [...labelDetails(label), ...(label.location ? writer.lines(label.location, 'regular', DETAIL_SIZE, width, 3) : [])];
  let baseline = bottom + (lines.length - 1) * DETAIL_SIZE * 1.3;
  for (const line of lines) {
    writer.centred(line, centre, baseline, DETAIL_SIZE, 'regular', BLACK);
    baseline -= DETAIL_SIZE * 1.3;
  }
  return lines.length === 0 ? bottom : bottom + (lines.length - 1) * DETAIL_SIZE * 1.3 + EM_TOP * DETAIL_SIZE;
}

/** The title in vertical lines between `top` and `bottom`: the largest type at which it fits whole, else the smallest, cut short. */
function drawTitle(writer: FixedPageWriter, title: string, centre: number, width: number, top: number, bottom: number): void {
  const length = top - bottom;
  const fit = (size: number) => {
    const count = Math.max(1, Math.floor(width / (size * LINE_PITCH)));
    return { size, count, lines: verticalLines(writer, title, 'regular', size, length, count) };
  };
  let chosen = fit(TITLE_SIZES.smallest);
  for (let size = Math.min(TITLE_SIZES.largest, width / LINE_PITCH); size > TITLE_SIZES.smallest; size -= 1) {
    const candidate = fit(size);
    if (verticalLines(writer, title, 'regular', size, length, Infinity).length <= candidate.count) {
      chosen = candidate;
      break;
    }
  }
  drawVerticalLines(writer, chosen.lines, { centre, top, size: chosen.size, weight: 'regular' });
}

/** Vertical lines centred as a group on `centre`, the first at the right. */
function drawVerticalLines(writer: FixedPageWriter, lines: readonly string[], at: { centre: number; top: number; size: number; weight: 'regular' | 'bold' }): void {
  const pitch = at.size * LINE_PITCH;
  lines.forEach((line, i) => {
    drawVerticalLine(writer, line, { x: at.centre + ((lines.length - 1) / 2 - i) * pitch, top: at.top, size: at.size, weight: at.weight, color: BLACK });
  });
}
