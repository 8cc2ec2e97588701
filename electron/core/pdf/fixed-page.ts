import { rgb, type PDFDocument, type RGB } from 'pdf-lib';
import { createArchivePdf } from './archive-pdf';
import { barcodeOperators, type BarcodePlacement, type BarcodeSymbol } from './barcode';
import type { FontWeight } from './fonts';
import { breakLines } from './line-break';
import { PageContent } from './page-content';
import { createTypeface, type Typeface } from './typeface';

/** Points per millimetre: label stock is measured in millimetres, PDF pages in points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** Solid black: a thermal printer prints black or nothing, and greys come out as speckles. */
export const BLACK = rgb(0, 0, 0);
export const RED = rgb(0.75, 0.1, 0.1);

/**
 * Where a CJK character's em box has its top, above the baseline, as a share of the type size
 * (Noto Sans SC sets ideographs from 0.12 em below the baseline to 0.88 em above it).
 */
export const EM_TOP = 0.88;

/**
 * A writer for pages laid out by position (labels, cover sheets), where the flowing PdfWriter
 * places text in a column: every element is put where it goes, in points from the page's bottom
 * left. Text is set in the archive's typeface (real, extractable text, Chinese included) and
 * barcodes are filled as vector shapes.
 */
export class FixedPageWriter {
  private content: PageContent | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly typeface: Typeface,
  ) {}

  static async create(meta: { title: string; subject: string; author: string }): Promise<FixedPageWriter> {
    const doc = await createArchivePdf(meta);
    return new FixedPageWriter(doc, createTypeface(doc, 'cjk'));
  }

  /** Starts a page of this size, in points; the page before it is done. */
  newPage(width: number, height: number): void {
    this.content?.flush();
    this.content = new PageContent(this.doc, this.doc.addPage([width, height]));
  }

  private get page(): PageContent {
    if (!this.content) throw new Error('No page started');
    return this.content;
  }

  /** Text on a baseline at (x, y); `turned` reads downwards from there, the tops of its letters to the right. */
  text(value: string, x: number, y: number, size: number, weight: FontWeight, color: RGB, turned = false): void {
    let along = 0;
    for (const run of this.typeface.runs(value, weight)) {
      this.page.text(run.face, this.typeface.encode(run), turned ? x : x + along, turned ? y - along : y, size, color, turned);
      along += this.width(run.text, weight, size);
    }
  }

  /** Text centred on x. */
  centred(value: string, x: number, y: number, size: number, weight: FontWeight, color: RGB): void {
    this.text(value, x - this.width(value, weight, size) / 2, y, size, weight, color);
  }

  width(value: string, weight: FontWeight, size: number): number {
    let total = 0;
    for (const ch of this.typeface.settable(value)) total += this.typeface.advance(ch, weight);
    return total * size;
  }

  /** The advance of one settable character at size 1. */
  advance(ch: string, weight: FontWeight): number {
    return this.typeface.advance(ch, weight);
  }

  /** The text as the typeface sets it (a character no font has is 〓). */
  settable(value: string): string {
    return this.typeface.settable(value);
  }

  /** Lines no longer than `max`, broken by the Chinese rules; `widthOf` measures a character along the line. */
  wrap(value: string, max: number, widthOf: (ch: string) => number): string[] {
    return breakLines(this.typeface.settable(value), widthOf, max);
  }

  /** At most `lines` lines no wider than `max`; what does not fit ends in …. */
  lines(value: string, weight: FontWeight, size: number, max: number, lines: number): string[] {
    const widthOf = (ch: string) => this.typeface.advance(ch, weight) * size;
    return shortened(this.wrap(value, max, widthOf), lines, max, widthOf);
  }

  barcode(symbol: BarcodeSymbol, placement: BarcodePlacement): void {
    this.page.raw(barcodeOperators(symbol, placement));
  }

  /** A horizontal line from (x, y), `width` long. */
  rule(x: number, y: number, width: number, thickness: number, color: RGB): void {
    this.page.line({ x, y }, { x: x + width, y }, thickness, color);
  }

  frame(x: number, y: number, width: number, height: number, thickness: number, color: RGB): void {
    this.page.strokeRectangle(x, y, width, height, thickness, color);
  }

  async save(): Promise<Uint8Array> {
    this.content?.flush();
    return this.doc.save({ useObjectStreams: true });
  }
}

const ELLIPSIS = '…';

/**
 * The first `count` lines, the last of them ending in … when lines were left out; `widthOf`
 * measures a character. A line that cannot hold even the ellipsis beside one character keeps
 * that character alone.
 */
export function shortened(lines: readonly string[], count: number, max: number, widthOf: (ch: string) => number): string[] {
  if (lines.length <= count) return [...lines];
  const kept = lines.slice(0, Math.max(count, 1));
  let last = Array.from(kept.at(-1) ?? '');
  const lengthOf = (chars: readonly string[]) => chars.reduce((sum, ch) => sum + widthOf(ch), 0);
  while (last.length > 1 && lengthOf(last) + widthOf(ELLIPSIS) > max) last = last.slice(0, -1);
  kept[kept.length - 1] = `${last.join('')}${ELLIPSIS}`;
  return kept;
}
