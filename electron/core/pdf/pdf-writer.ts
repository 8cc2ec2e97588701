import { PDFArray, PDFDict, PDFHexString, PDFName, rgb, type PDFDocument, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';
import { createArchivePdf } from './archive-pdf';
import type { FontWeight } from './fonts';
import { breakLines } from './line-break';
import { outlinedTextForm } from './outlined-text';
import { PageContent } from './page-content';
import { createTypeface, type Typeface, type TypefaceName } from './typeface';

/**
 * A small flowing-layout writer for the archive's PDFs (records, registers, audit trails,
 * catalogues): headings, key–value blocks and tables that wrap Chinese text by the Chinese
 * line-breaking rules and continue across pages. Every page gets the document title, the
 * confidentiality marking (CF-01/CF-04), the watermark of classified exports (user, department,
 * time) and its page number. Text stays real text – extractable and searchable – except the
 * watermark, which is drawn as glyph outlines so that extracting the text never mixes it in.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageFrame {
  /** The document's title; printed small above the rule of every page unless `caption` says otherwise. */
  title: string;
  /** What is printed above the rule instead of the title (a register: the company's name); '' for nothing. */
  caption?: string;
  /** Under the rule on every page, centred: a register's name in large type, then its period. */
  head?: { title: string; lines: readonly string[] } | null;
  /** Bottom left of every page, beside the page number: who printed it when. */
  foot?: string | null;
  /** e.g. 机密 – printed in red on every page. */
  marking: string | null;
  /** Under the marking, e.g. 内部资料，严禁外传. */
  notice: string | null;
  /** Diagonal, repeated across every page. */
  watermark: string | null;
  landscape?: boolean;
}

export interface Column {
  title: string;
  /** Share of the table width. */
  weight: number;
  /** Numbers right, dates centred; text left (the default). */
  align?: 'left' | 'center' | 'right';
  /** Printed in red, e.g. the level of a classified entry. */
  alert?: boolean;
}

export interface TableOptions {
  size?: number;
  /** A ruled register: every cell boxed, the column titles centred. */
  ruled?: boolean;
}

/** A table being written row by row (a long register streams through it). */
export interface TableWriter {
  /** `keep`: points that must follow the row on its page (what closes the table), or it starts the next. */
  row(cells: readonly string[], style?: { bold?: boolean; keep?: number }): void;
  /** The height a row would take. */
  height(cells: readonly string[], style?: { bold?: boolean }): number;
  /** Closes the table's last page (its rules); the table is then done. */
  end(): void;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.42, 0.45, 0.5);
const RED = rgb(0.75, 0.1, 0.1);
const RULE = rgb(0.78, 0.8, 0.84);
const GRID = rgb(0.45, 0.48, 0.53);
const HEADER_FILL = rgb(0.93, 0.94, 0.96);
const WATERMARK = { size: 18, color: [0.75, 0.1, 0.1] as [number, number, number], opacity: 0.13, angle: Math.PI / 6 };

/** The height signature lines take. */
export const signatureHeight = (size = 10) => size * 4 + 12;

/** The width an A4 page leaves for text and tables. */
export function pageContentWidth(landscape: boolean): number {
  return (landscape ? A4[1] : A4[0]) - MARGIN * 2;
}

export class PdfWriter {
  private page!: PDFPage;
  private content!: PageContent;
  private y = 0;
  private readonly frame: PageFrame;
  /** Called before the page is left for a new one (a ruled table draws its column rules). */
  private leavingPage: (() => void) | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly typeface: Typeface,
    frame: PageFrame,
  ) {
    this.frame = { ...frame };
    this.newPage();
  }

  /** `typeface`: the archive's CJK fonts; `standard` (Helvetica) serves the benchmark's comparison only. */
  static async create(frame: PageFrame, meta: { author: string; subject: string }, typeface: TypefaceName = 'cjk'): Promise<PdfWriter> {
    const doc = await createArchivePdf({ title: frame.title, ...meta });
    return new PdfWriter(doc, createTypeface(doc, typeface), frame);
  }

  /**
   * Marking and watermark decided after the content is written (a catalogue knows whether it
   * listed classified dossiers only at its end); both are drawn on every page when saving.
   */
  stamp(stamp: Pick<PageFrame, 'marking' | 'watermark'>): void {
    this.frame.marking = stamp.marking;
    this.frame.watermark = stamp.watermark;
  }

  private get size(): [number, number] {
    return this.frame.landscape ? [A4[1], A4[0]] : A4;
  }

  /** The width the page leaves for text and tables. */
  get contentWidth(): number {
    return pageContentWidth(this.frame.landscape ?? false);
  }

  private newPage(): void {
    if (this.doc.getPageCount() > 0) {
      this.leavingPage?.();
      this.content.flush();
    }
    this.page = this.doc.addPage(this.size);
    this.content = new PageContent(this.doc, this.page);
    const [width, height] = this.size;
    this.text(this.frame.caption ?? this.frame.title, MARGIN, height - MARGIN + 14, 9, 'regular', MUTED);
    this.content.line({ x: MARGIN, y: height - MARGIN }, { x: width - MARGIN, y: height - MARGIN }, 0.6, RULE);
    // The title in a stream of its own: the marking, drawn when saving, is read right after it.
    this.content.flush();
    this.y = height - MARGIN - 24;
    if (this.frame.head) this.head(this.frame.head);
  }

  private head(head: NonNullable<PageFrame['head']>): void {
    this.centred(head.title, 15, 'bold', INK);
    this.y -= 6;
    for (const line of head.lines) this.centred(line, 9, 'regular', MUTED);
    this.y -= 8;
  }

  private centred(value: string, size: number, weight: FontWeight, color: RGB): void {
    this.text(value, MARGIN + (this.contentWidth - this.width(value, weight, size)) / 2, this.y - size, size, weight, color);
    this.y -= size + 5;
  }

  private ensure(space: number): void {
    if (this.y - space < MARGIN + 20) this.newPage();
  }

  /** Text in runs of one font each: the second font only for the characters the main one lacks. */
  private text(value: string, x: number, y: number, size: number, weight: FontWeight, color: RGB): void {
    let at = x;
    const runs = this.typeface.runs(value, weight);
    runs.forEach((run, i) => {
      this.content.text(run.face, this.typeface.encode(run), at, y, size, color);
      if (i < runs.length - 1) at += this.width(run.text, weight, size);
    });
  }

  width(value: string, weight: FontWeight, size: number): number {
    let total = 0;
    for (const ch of this.typeface.settable(value)) total += this.typeface.advance(ch, weight);
    return total * size;
  }

  /** Breaks text into lines no wider than `max`, by the Chinese line-breaking rules. */
  wrap(value: string, weight: FontWeight, size: number, max: number): string[] {
    return breakLines(this.typeface.settable(value), (ch) => this.typeface.advance(ch, weight) * size, max);
  }

  heading(value: string, size = 16): void {
    this.ensure(size + 12);
    this.text(value, MARGIN, this.y - size, size, 'bold', INK);
    this.y -= size + 12;
  }

  /** The height a paragraph takes. */
  paragraphHeight(value: string, size = 10): number {
    return this.wrap(value, 'regular', size, this.contentWidth).length * (size + 5) + 4;
  }

  paragraph(value: string, size = 10, color: RGB = INK): void {
    for (const line of this.wrap(value, 'regular', size, this.contentWidth)) {
      this.ensure(size + 5);
      this.text(line, MARGIN, this.y - size, size, 'regular', color);
      this.y -= size + 5;
    }
    this.y -= 4;
  }

  /** Label–value rows, like the fields of a record sheet. */
  keyValues(rows: readonly (readonly [string, string])[], size = 10.5): void {
    const labelWidth = Math.max(...rows.map(([label]) => this.width(label, 'bold', size))) + 16;
    for (const [label, value] of rows) {
      const lines = this.wrap(value || '—', 'regular', size, this.contentWidth - labelWidth);
      this.ensure(lines.length * (size + 6) + 4);
      this.text(label, MARGIN, this.y - size, size, 'bold', MUTED);
      lines.forEach((line, i) => this.text(line, MARGIN + labelWidth, this.y - size - i * (size + 6), size, 'regular', INK));
      this.y -= lines.length * (size + 6) + 4;
      this.content.line({ x: MARGIN, y: this.y + 2 }, { x: MARGIN + this.contentWidth, y: this.y + 2 }, 0.3, RULE);
      this.y -= 4;
    }
  }

  /** A table whose rows wrap inside their cells and whose header repeats on each page. */
  table(columns: readonly Column[], rows: Iterable<readonly string[]>, options: TableOptions = {}): void {
    const table = this.beginTable(columns, options);
    for (const row of rows) table.row(row);
    table.end();
  }

  /** The same table, written a row at a time. */
  beginTable(columns: readonly Column[], options: TableOptions = {}): TableWriter {
    const { size = 8.5, ruled = false } = options;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.contentWidth);
    const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
    const lineHeight = size + 3.5;
    const titles = columns.map((column) => column.title);
    const wrapCells = (row: readonly string[], weight: FontWeight) => row.map((cell, i) => this.wrap(cell, weight, size, (widths[i] ?? 0) - 6));
    const heightOf = (cells: readonly string[][]) => Math.max(...cells.map((lines) => lines.length)) * lineHeight + 4;
    /** Where the table starts on the current page: a ruled table's column rules run from there. */
    let top = 0;
    const header = () => {
      const lines = wrapCells(titles, 'bold');
      const height = heightOf(lines);
      this.ensure(height + lineHeight + 8);
      top = this.y;
      this.content.fillRectangle(MARGIN, this.y - height, this.contentWidth, height, HEADER_FILL);
      lines.forEach((cell, i) => this.cell(cell, lefts[i] ?? MARGIN, widths[i] ?? 0, ruled ? 'center' : 'left', size, lineHeight, 'bold', INK, 2));
      this.y -= height;
      if (ruled) this.rule(this.y, 0.5);
      this.y -= 2;
    };
    const columnRules = () => {
      if (!ruled) return;
      const bottom = this.y + 2;
      for (const x of [...lefts, MARGIN + this.contentWidth]) this.content.line({ x, y: top }, { x, y: bottom }, 0.5, GRID);
      this.content.line({ x: MARGIN, y: top }, { x: MARGIN + this.contentWidth, y: top }, 0.5, GRID);
    };
    header();
    this.leavingPage = columnRules;
    return {
      row: (row, style = {}) => {
        const weight: FontWeight = style.bold ? 'bold' : 'regular';
        const cells = wrapCells(row, weight);
        const height = heightOf(cells);
        if (this.y - height - (style.keep ?? 0) < MARGIN + 20) {
          this.newPage();
          header();
        }
        cells.forEach((lines, i) => {
          const column = columns[i];
          this.cell(lines, lefts[i] ?? MARGIN, widths[i] ?? 0, column?.align ?? 'left', size, lineHeight, weight, column?.alert ? RED : INK, 0);
        });
        this.y -= height;
        this.rule(this.y + 2, ruled ? 0.5 : 0.3);
      },
      height: (row, style = {}) => heightOf(wrapCells(row, style.bold ? 'bold' : 'regular')),
      end: () => {
        columnRules();
        this.leavingPage = null;
      },
    };
  }

  /** The lines of one cell, aligned within its width less 3 points each side. */
  private cell(lines: readonly string[], left: number, width: number, align: NonNullable<Column['align']>, size: number, lineHeight: number, weight: FontWeight, color: RGB, drop: number): void {
    lines.forEach((line, j) => {
      const room = width - 6 - (align === 'left' ? 0 : this.width(line, weight, size));
      const x = left + 3 + (align === 'right' ? room : align === 'center' ? room / 2 : 0);
      this.text(line, x, this.y - size - drop - j * lineHeight, size, weight, color);
    });
  }

  private rule(y: number, thickness: number): void {
    this.content.line({ x: MARGIN, y }, { x: MARGIN + this.contentWidth, y }, thickness, thickness > 0.3 ? GRID : RULE);
  }

  /**
   * Lines to sign on at the end of a document: each label (审核人, 审批人) with a line for the name
   * and a date to fill in (____年__月__日), side by side.
   */
  signatureLines(labels: readonly string[], size = 10): void {
    this.ensure(signatureHeight(size));
    this.y -= size * 2;
    const baseline = this.y - size;
    const blank = (x: number, width: number) => this.content.line({ x, y: baseline - 2 }, { x: x + width, y: baseline - 2 }, 0.6, INK);
    const date = [[2.4, '年'], [1.4, '月'], [1.4, '日']] as const;
    const dateLabel = '日期：';
    const dateWidth = this.width(dateLabel, 'regular', size) + date.reduce((sum, [width, unit]) => sum + width * size + this.width(unit, 'regular', size) + 3, 0);
    const share = this.contentWidth / labels.length;
    labels.forEach((label, i) => {
      let x = MARGIN + i * share;
      const name = `${label}：`;
      this.text(name, x, baseline, size, 'regular', INK);
      x += this.width(name, 'regular', size);
      // The name's line takes what the date leaves of the share, less a gap before the next label.
      const nameBlank = Math.max(size * 4, share - (x - MARGIN - i * share) - dateWidth - size * 3);
      blank(x, nameBlank);
      x += nameBlank + size;
      this.text(dateLabel, x, baseline, size, 'regular', INK);
      x += this.width(dateLabel, 'regular', size);
      for (const [width, unit] of date) {
        blank(x, width * size);
        x += width * size;
        this.text(unit, x + 1, baseline, size, 'regular', INK);
        x += this.width(unit, 'regular', size) + 3;
      }
    });
    this.y -= size * 2;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A cover: lines centred on a page of their own, a little below the top third; what follows starts a new page. */
  cover(lines: readonly { text: string; size: number; bold?: boolean; muted?: boolean }[]): void {
    this.y = this.size[1] * 0.7;
    for (const line of lines) {
      for (const part of this.wrap(line.text, line.bold ? 'bold' : 'regular', line.size, this.contentWidth)) this.centred(part, line.size, line.bold ? 'bold' : 'regular', line.muted ? MUTED : INK);
      this.y -= line.size * 0.8;
    }
    this.y = MARGIN;
  }

  /**
   * A page of its own for a figure (a scanned page): the frame's caption above it, `draw` fills the
   * box below with the page's own drawing; marking, page number and watermark come on it as on any.
   */
  async figure(caption: string, draw: (target: { doc: PDFDocument; page: PDFPage; box: Box }) => void | Promise<void>): Promise<void> {
    // The current page is left unless nothing was written on it since its frame.
    if (this.y < this.size[1] - MARGIN - 24) this.newPage();
    this.text(caption, MARGIN, this.y - 9, 9, 'bold', MUTED);
    this.y -= 18;
    const box: Box = { x: MARGIN, y: MARGIN - 6, width: this.contentWidth, height: this.y - MARGIN + 6 };
    this.content.flush();
    await draw({ doc: this.doc, page: this.page, box });
    this.y = MARGIN; // Full: whatever follows starts a page of its own.
  }

  /** Marking, page numbers and watermark go on last, when the page count and the stamp are known. */
  async save(options: { objectsPerTick?: number } = {}): Promise<Uint8Array> {
    this.leavingPage?.();
    this.content.flush();
    const pages = this.doc.getPages();
    const watermark = this.frame.watermark ? outlinedTextForm(this.doc, this.frame.watermark, WATERMARK) : null;
    if (this.frame.watermark) {
      // Whoever finds the file can read whom it was exported by, though its text does not say so.
      this.doc.context.lookup(this.doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Watermark'), PDFHexString.fromText(this.frame.watermark));
    }
    pages.forEach((page, index) => {
      this.page = page;
      this.content = new PageContent(this.doc, page);
      if (this.frame.marking || this.frame.notice) {
        this.marking();
        this.content.flush();
        moveLastStreamAfterTitle(page);
      }
      const label = `第 ${index + 1} 页 共 ${pages.length} 页`;
      if (this.frame.foot) this.text(this.frame.foot, MARGIN, MARGIN - 18, 8, 'regular', MUTED);
      this.text(label, this.size[0] - MARGIN - this.width(label, 'regular', 8), MARGIN - 18, 8, 'regular', MUTED);
      if (watermark) this.watermark(watermark);
      this.content.flush();
    });
    return this.doc.save({ useObjectStreams: true, ...options });
  }

  private marking(): void {
    const [width, height] = this.size;
    if (this.frame.marking) {
      const markWidth = this.width(this.frame.marking, 'bold', 14);
      this.content.strokeRectangle(width - MARGIN - markWidth - 12, height - MARGIN + 6, markWidth + 12, 22, 1.2, RED);
      this.text(this.frame.marking, width - MARGIN - markWidth - 6, height - MARGIN + 11, 14, 'bold', RED);
    }
    if (this.frame.notice) {
      const noticeWidth = this.width(this.frame.notice, 'regular', 8);
      this.text(this.frame.notice, width - MARGIN - noticeWidth, height - MARGIN - 6, 8, 'regular', RED);
    }
  }

  /** The outlined watermark, tiled diagonally across the page; marked as a pagination artifact. */
  private watermark(form: { ref: PDFRef; width: number }): void {
    const [width, height] = this.size;
    this.page.node.setXObject(PDFName.of('DDwatermark'), form.ref);
    const [cos, sin] = [Math.cos(WATERMARK.angle), Math.sin(WATERMARK.angle)].map((v) => v.toFixed(4));
    const step = form.width + 80;
    const operators = ['/Artifact BMC'];
    for (let y = -height; y < height * 1.5; y += 150) {
      for (let x = -width; x < width * 1.5; x += step) operators.push(`q ${cos} ${sin} -${sin} ${cos} ${x.toFixed(2)} ${y.toFixed(2)} cm /DDwatermark Do Q`);
    }
    operators.push('EMC');
    this.content.raw(operators.join('\n'));
  }
}

/** Puts the page's last content stream second, right after the title's, so it is read in that order. */
function moveLastStreamAfterTitle(page: PDFPage): void {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray) || contents.size() < 3) return;
  const last = contents.get(contents.size() - 1);
  contents.remove(contents.size() - 1);
  contents.insert(1, last);
}
