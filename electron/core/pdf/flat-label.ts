import type { LabelSheet } from '../../../shared/label-sheets';
import { BLACK, EM_TOP, mm, RED, type FixedPageWriter } from './fixed-page';
import { innerBox, labelCode128, labelDetails, labelQr, numberLines, type LabelData } from './label-content';
import type { LabelBox } from './label-sheets';

/** What a Code 128 with its quiet zones keeps off the label's edges. */
const QUIET_MARGIN = mm(0.5);
const LINE = 1.2;

/** The type sizes at scale 1 (a 70 × 37 mm label); larger labels scale them up. */
const SIZES = { number: 12, title: 9, detail: 7.5 };
/** Details no smaller than 6 pt: smaller Chinese type does not read. */
const MIN_SCALE = 0.8;

interface TextBlock {
  lines: string[];
  size: number;
  bold: boolean;
  /** Set in red bold before the first line: the level. */
  lead: string | null;
}

/**
 * A box or folder label (盒签, 卷签), lying flat: the QR code at the left; beside it the archive
 * number in bold, the title, the level in red with the retention period and the date opened, and
 * the location; and the archive number as Code 128 – under the text where the label is wide
 * enough, else along the label's bottom, across its width. The type is as large as the label
 * allows; a title too long is cut short with …, the archive number never.
 */
export function drawFlatLabel(writer: FixedPageWriter, box: LabelBox, label: LabelData, sheet: LabelSheet): void {
  const inner = innerBox(box);
  const top = inner.bottom + inner.height;
  const barHeight = Math.min(Math.max(inner.height * 0.26, mm(6)), mm(12));
  const side = Math.min(inner.height, inner.width * QR_SHARE);
  // A Code 128's quiet zones are white: they may take the label's padding, its bars may not.
  const [codeLeft, codeRight] = [box.left + QUIET_MARGIN, box.left + box.width - QUIET_MARGIN];
  const beside = labelCode128(label, codeRight - (inner.left + side));
  const below = beside ? null : labelCode128(label, codeRight - codeLeft);
  const qrSide = below ? Math.min(inner.height - barHeight - BAR_GAP, inner.width * QR_SHARE) : side;

  const qr = labelQr(label, qrSide, sheet);
  writer.barcode(qr.symbol, { left: inner.left, top, module: qr.module });
  const left = inner.left + qr.symbol.columns * qr.module;
  const width = inner.left + inner.width - left;
  const code = beside ?? below;
  if (code) {
    const from = beside ? left : codeLeft;
    const across = code.symbol.columns * code.module;
    writer.barcode(code.symbol, { left: from + (codeRight - from - across) / 2, top: inner.bottom + barHeight, module: code.module, height: barHeight });
  }

  const textHeight = code ? inner.height - barHeight - BAR_GAP : inner.height;
  let y = top;
  for (const block of fitText(writer, label, width, textHeight, Math.min(Math.max(textHeight / mm(22), 1), 1.7))) {
    const weight = block.bold ? 'bold' : 'regular';
    const indent = block.lead ? writer.width(block.lead, 'bold', block.size) + block.size : 0;
    if (block.lead) writer.text(block.lead, left, y - EM_TOP * block.size, block.size, 'bold', RED);
    for (const line of block.lines) {
      writer.text(line, left + indent, y - EM_TOP * block.size, block.size, weight, BLACK);
      y -= block.size * LINE;
    }
    if (block.lines.length === 0) y -= block.size * LINE;
    y -= GAP;
  }
}

/** The QR code takes at most this share of the label's width. */
const QR_SHARE = 0.4;
const BAR_GAP = mm(1);
const GAP = mm(0.6);

const heightOf = (blocks: readonly TextBlock[]): number => blocks.reduce((sum, block) => sum + Math.max(block.lines.length, 1) * block.size * LINE + GAP, 0);

interface Pass {
  /** The title must fit whole, else it is cut short with …. */
  wholeTitle: boolean;
  details: string;
  location: string;
  wholeLocation: boolean;
}

/**
 * The label's text at the largest scale (from `largest` down to 0.8) at which all of it fits: the
 * archive number on one line, the title whole, the level, retention period and date opened on a
 * line, and the location on a line. Where nothing fits whole at any scale, the title is cut short
 * (it keeps the lines the rest leaves it), then the location, then the location is left out, then
 * the retention period and date; the number and the level stay.
 */
function fitText(writer: FixedPageWriter, label: LabelData, width: number, height: number, largest: number): TextBlock[] {
  const details = labelDetails(label).join('  ');
  const location = label.location ? `位置：${label.location}` : '';
  const least: Pass = { wholeTitle: false, details: '', location: '', wholeLocation: true };
  const passes: Pass[] = [
    { wholeTitle: true, details, location, wholeLocation: true },
    { wholeTitle: false, details, location, wholeLocation: true },
    { wholeTitle: false, details, location, wholeLocation: false },
    { wholeTitle: false, details, location: '', wholeLocation: true },
    least,
  ];
  const attempt = (scale: number, pass: Pass, force = false): TextBlock[] | null => {
    const [numberSize, titleSize, detailSize] = [SIZES.number * scale, SIZES.title * scale, SIZES.detail * scale];
    /** One line of details; null when it must be whole and is not. */
    const line = (text: string, lead: string | null, whole: boolean): TextBlock | null => {
      const indent = lead ? writer.width(lead, 'bold', detailSize) + detailSize : 0;
      if (whole && writer.width(text, 'regular', detailSize) > width - indent) return null;
      return { lines: text ? writer.lines(text, 'regular', detailSize, width - indent, 1) : [], size: detailSize, bold: false, lead };
    };
    const rest: TextBlock[] = [];
    for (const [wanted, text, lead, whole] of [
      [Boolean(label.levelLabel || pass.details), pass.details, label.levelLabel, !force],
      [pass.location !== '', pass.location, null, pass.wholeLocation && !force],
    ] as const) {
      if (!wanted) continue;
      const block = line(text, lead, whole);
      if (!block) return null;
      rest.push(block);
    }
    const number = numberBlock(writer, label.archiveNumber, numberSize, width);
    // The number on one line in smaller type rather than broken in larger.
    if (number.lines.length > 1 && scale > MIN_SCALE + 1e-9 && !force) return null;
    const titleLines = Math.max(Math.floor((height - heightOf([number, ...rest]) - GAP) / (titleSize * LINE)), force ? 1 : 0);
    const whole = writer.lines(label.title, 'regular', titleSize, width, Infinity);
    if (titleLines < 1 || (pass.wholeTitle && whole.length > titleLines)) return null;
    const title = whole.length > titleLines ? writer.lines(label.title, 'regular', titleSize, width, titleLines) : whole;
    return [number, { lines: title, size: titleSize, bold: false, lead: null }, ...rest];
  };
  for (const pass of passes) {
    for (let scale = largest; scale >= MIN_SCALE - 1e-9; scale -= 0.05) {
      const blocks = attempt(scale, pass);
      if (blocks) return blocks;
    }
  }
  // The labels of the catalogue all hold this much (their tests check that no word leaves its label).
  return attempt(MIN_SCALE, least, true) ?? [];
}

/**
 * The archive number in bold, whole: on one line, in type down to 70 % of `size` if it needs to
 * be smaller to fit; on as many lines as it takes beyond that.
 */
function numberBlock(writer: FixedPageWriter, archiveNumber: string, size: number, width: number): TextBlock {
  const fitting = Math.min(size, (0.999 * size * width) / writer.width(archiveNumber, 'bold', size));
  const chosen = Math.max(fitting, size * 0.7);
  return { lines: numberLines(writer.settable(archiveNumber), (ch) => writer.advance(ch, 'bold') * chosen, width), size: chosen, bold: true, lead: null };
}
