import { deflateSync } from 'node:zlib';
import {
  beginMarkedContent,
  concatTransformationMatrix,
  drawObject,
  endMarkedContent,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFArray,
  PDFDict,
  type PDFOperator,
  PDFRawStream,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFFont,
  type PDFPage,
  type PDFRef,
  type RGB,
} from 'pdf-lib';
import { fontkitForPdfLib, loadFontBytes, settable } from './fonts';
import { breakLines } from './line-break';
import { outlinedTextForm } from './outlined-text';

/**
 * A small flowing-layout writer for the archive's PDFs (records, registers, audit trails,
 * catalogues): headings, key–value blocks and tables that wrap Chinese text by the Chinese
 * line-breaking rules and continue across pages. Every page gets the document title, the
 * confidentiality marking (CF-01/CF-04), the watermark of classified exports (user, department,
 * time) and its page number. Text stays real text – extractable and searchable – except the
 * watermark, which is drawn as glyph outlines so that extracting the text never mixes it in.
 */
export interface PageFrame {
  title: string;
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
}

/** A table being written row by row (a long register streams through it). */
export interface TableWriter {
  row(cells: readonly string[]): void;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.42, 0.45, 0.5);
const RED = rgb(0.75, 0.1, 0.1);
const RULE = rgb(0.78, 0.8, 0.84);
const WATERMARK = { size: 18, color: [0.75, 0.1, 0.1] as [number, number, number], opacity: 0.13, angle: Math.PI / 6 };

/** pdf-lib keeps a page's drawing as operator objects until the document is saved. */
interface PageInternals {
  contentStream?: { getUnencodedContents(): Uint8Array };
  contentStreamRef?: PDFRef;
}

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private readonly frame: PageFrame;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    frame: PageFrame,
  ) {
    this.frame = { ...frame };
    this.newPage();
  }

  static async create(frame: PageFrame, meta: { author: string; subject: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkitForPdfLib);
    const [regular, bold] = await Promise.all([doc.embedFont(loadFontBytes('regular'), { subset: true }), doc.embedFont(loadFontBytes('bold'), { subset: true })]);
    doc.setTitle(frame.title);
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setCreator('DossierDesk 客户档案管理系统');
    doc.setProducer('DossierDesk');
    return new PdfWriter(doc, regular, bold, frame);
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

  private get contentWidth(): number {
    return this.size[0] - MARGIN * 2;
  }

  private newPage(): void {
    if (this.doc.getPageCount() > 0) this.seal(this.page);
    this.page = this.doc.addPage(this.size);
    const [width, height] = this.size;
    this.text(this.frame.title, MARGIN, height - MARGIN + 14, 9, this.regular, MUTED);
    this.page.drawLine({ start: { x: MARGIN, y: height - MARGIN }, end: { x: width - MARGIN, y: height - MARGIN }, thickness: 0.6, color: RULE });
    // The title in a stream of its own: the marking, drawn when saving, is read right after it.
    this.seal(this.page);
    this.y = height - MARGIN - 24;
  }

  /**
   * A finished page's drawing becomes compressed bytes at once instead of operator objects kept
   * until saving: a catalogue of thousands of pages then needs memory for its bytes only.
   */
  private seal(page: PDFPage): void {
    const internals = page as unknown as PageInternals;
    if (!internals.contentStream || !internals.contentStreamRef) return;
    // Node's zlib, not pdf-lib's JavaScript deflate: several times faster on thousands of pages.
    const compressed = PDFRawStream.of(this.doc.context.obj({ Filter: 'FlateDecode' }), deflateSync(internals.contentStream.getUnencodedContents()));
    this.doc.context.assign(internals.contentStreamRef, compressed);
    internals.contentStream = undefined;
    internals.contentStreamRef = undefined;
  }

  private ensure(space: number): void {
    if (this.y - space < MARGIN + 20) this.newPage();
  }

  private text(value: string, x: number, y: number, size: number, font: PDFFont, color: RGB): void {
    this.page.drawText(settable(value), { x, y, size, font, color });
  }

  /** The advance of one settable character at size 1. */
  private charWidth(ch: string, font: PDFFont): number {
    let cache = this.widths.get(font);
    if (!cache) {
      cache = new Map();
      this.widths.set(font, cache);
    }
    let w = cache.get(ch);
    if (w === undefined) {
      w = font.widthOfTextAtSize(ch, 1);
      cache.set(ch, w);
    }
    return w;
  }

  private width(value: string, font: PDFFont, size: number): number {
    let total = 0;
    for (const ch of settable(value)) total += this.charWidth(ch, font);
    return total * size;
  }

  /** Breaks text into lines no wider than `max`, by the Chinese line-breaking rules. */
  wrap(value: string, font: PDFFont, size: number, max: number): string[] {
    return breakLines(settable(value), (ch) => this.charWidth(ch, font) * size, max);
  }

  heading(value: string, size = 16): void {
    this.ensure(size + 12);
    this.text(value, MARGIN, this.y - size, size, this.bold, INK);
    this.y -= size + 12;
  }

  paragraph(value: string, size = 10, color: RGB = INK): void {
    for (const line of this.wrap(value, this.regular, size, this.contentWidth)) {
      this.ensure(size + 5);
      this.text(line, MARGIN, this.y - size, size, this.regular, color);
      this.y -= size + 5;
    }
    this.y -= 4;
  }

  /** Label–value rows, like the fields of a record sheet. */
  keyValues(rows: readonly (readonly [string, string])[], size = 10.5): void {
    const labelWidth = Math.max(...rows.map(([label]) => this.width(label, this.bold, size))) + 16;
    for (const [label, value] of rows) {
      const lines = this.wrap(value || '—', this.regular, size, this.contentWidth - labelWidth);
      this.ensure(lines.length * (size + 6) + 4);
      this.text(label, MARGIN, this.y - size, size, this.bold, MUTED);
      lines.forEach((line, i) => this.text(line, MARGIN + labelWidth, this.y - size - i * (size + 6), size, this.regular, INK));
      this.y -= lines.length * (size + 6) + 4;
      this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + this.contentWidth, y: this.y + 2 }, thickness: 0.3, color: RULE });
      this.y -= 4;
    }
  }

  /** A table whose rows wrap inside their cells and whose header repeats on each page. */
  table(columns: readonly Column[], rows: Iterable<readonly string[]>, size = 8.5): void {
    const table = this.beginTable(columns, size);
    for (const row of rows) table.row(row);
  }

  /** The same table, written a row at a time. */
  beginTable(columns: readonly Column[], size = 8.5): TableWriter {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.contentWidth);
    const lineHeight = size + 3.5;
    const header = () => {
      this.ensure(lineHeight * 2 + 8);
      this.page.drawRectangle({ x: MARGIN, y: this.y - lineHeight - 4, width: this.contentWidth, height: lineHeight + 4, color: rgb(0.93, 0.94, 0.96) });
      let x = MARGIN;
      columns.forEach((column, i) => {
        this.text(column.title, x + 3, this.y - size - 2, size, this.bold, INK);
        x += widths[i] ?? 0;
      });
      this.y -= lineHeight + 6;
    };
    header();
    return {
      row: (row) => {
        const cells = row.map((cell, i) => this.wrap(cell, this.regular, size, (widths[i] ?? 0) - 6));
        const height = Math.max(...cells.map((lines) => lines.length)) * lineHeight + 4;
        if (this.y - height < MARGIN + 20) {
          this.newPage();
          header();
        }
        let x = MARGIN;
        cells.forEach((lines, i) => {
          lines.forEach((line, j) => this.text(line, x + 3, this.y - size - j * lineHeight, size, this.regular, INK));
          x += widths[i] ?? 0;
        });
        this.y -= height;
        this.page.drawLine({ start: { x: MARGIN, y: this.y + 2 }, end: { x: MARGIN + this.contentWidth, y: this.y + 2 }, thickness: 0.3, color: RULE });
      },
    };
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Marking, page numbers and watermark go on last, when the page count and the stamp are known. */
  async save(): Promise<Uint8Array> {
    this.seal(this.page);
    const pages = this.doc.getPages();
    const watermark = this.frame.watermark ? outlinedTextForm(this.doc, this.frame.watermark, WATERMARK) : null;
    if (this.frame.watermark) {
      // Whoever finds the file can read whom it was exported by, though its text does not say so.
      this.doc.context.lookup(this.doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('Watermark'), PDFHexString.fromText(this.frame.watermark));
    }
    pages.forEach((page, index) => {
      this.page = page;
      if (this.frame.marking || this.frame.notice) {
        this.marking();
        this.seal(page);
        moveLastStreamAfterTitle(page);
      }
      const label = `第 ${index + 1} 页 共 ${pages.length} 页`;
      this.text(label, this.size[0] - MARGIN - this.width(label, this.regular, 8), MARGIN - 18, 8, this.regular, MUTED);
      if (watermark) this.watermark(watermark);
      this.seal(page);
    });
    return this.doc.save({ useObjectStreams: true });
  }

  private marking(): void {
    const [width, height] = this.size;
    if (this.frame.marking) {
      const markWidth = this.width(this.frame.marking, this.bold, 14);
      this.page.drawRectangle({ x: width - MARGIN - markWidth - 12, y: height - MARGIN + 6, width: markWidth + 12, height: 22, borderColor: RED, borderWidth: 1.2 });
      this.text(this.frame.marking, width - MARGIN - markWidth - 6, height - MARGIN + 11, 14, this.bold, RED);
    }
    if (this.frame.notice) {
      const noticeWidth = this.width(this.frame.notice, this.regular, 8);
      this.text(this.frame.notice, width - MARGIN - noticeWidth, height - MARGIN - 6, 8, this.regular, RED);
    }
  }

  /** The outlined watermark, tiled diagonally across the page; marked as a pagination artifact. */
  private watermark(form: { ref: PDFRef; width: number }): void {
    const [width, height] = this.size;
    const name = this.page.node.newXObject('Watermark', form.ref);
    const [cos, sin] = [Math.cos(WATERMARK.angle), Math.sin(WATERMARK.angle)];
    const step = form.width + 80;
    const operators: PDFOperator[] = [beginMarkedContent('Artifact')];
    for (let y = -height; y < height * 1.5; y += 150) {
      for (let x = -width; x < width * 1.5; x += step) {
        operators.push(pushGraphicsState(), concatTransformationMatrix(cos, sin, -sin, cos, x, y), drawObject(name), popGraphicsState());
      }
    }
    operators.push(endMarkedContent());
    this.page.pushOperators(...operators);
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
