import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { fontkitForPdfLib, loadFontBytes, settable } from './fonts';
import { breakLines } from './line-break';

/**
 * A small flowing-layout writer for the archive's PDFs (records, registers, audit trails):
 * headings, key–value blocks and tables that wrap Chinese text by the Chinese line-breaking rules
 * and continue across pages. Every
 * page gets the document title, the confidentiality marking (CF-01/CF-04) and the watermark of
 * classified exports (user, department, time), and a page number once the page count is known.
 * Text stays real text: extractable and searchable.
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

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.42, 0.45, 0.5);
const RED = rgb(0.75, 0.1, 0.1);
const RULE = rgb(0.78, 0.8, 0.84);

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private readonly widths = new Map<PDFFont, Map<string, number>>();

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly frame: PageFrame,
  ) {
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

  private get size(): [number, number] {
    return this.frame.landscape ? [A4[1], A4[0]] : A4;
  }

  private get contentWidth(): number {
    return this.size[0] - MARGIN * 2;
  }

  private newPage(): void {
    this.page = this.doc.addPage(this.size);
    const [width, height] = this.size;
    this.text(this.frame.title, MARGIN, height - MARGIN + 14, 9, this.regular, MUTED);
    if (this.frame.marking) {
      const markWidth = this.width(this.frame.marking, this.bold, 14);
      this.page.drawRectangle({ x: width - MARGIN - markWidth - 12, y: height - MARGIN + 6, width: markWidth + 12, height: 22, borderColor: RED, borderWidth: 1.2 });
      this.text(this.frame.marking, width - MARGIN - markWidth - 6, height - MARGIN + 11, 14, this.bold, RED);
    }
    if (this.frame.notice) {
      const noticeWidth = this.width(this.frame.notice, this.regular, 8);
      this.text(this.frame.notice, width - MARGIN - noticeWidth, height - MARGIN - 6, 8, this.regular, RED);
    }
    this.page.drawLine({ start: { x: MARGIN, y: height - MARGIN }, end: { x: width - MARGIN, y: height - MARGIN }, thickness: 0.6, color: RULE });
    this.y = height - MARGIN - 24;
  }

  private ensure(space: number): void {
    if (this.y - space < MARGIN + 20) this.newPage();
  }

  private text(value: string, x: number, y: number, size: number, font: PDFFont, color: RGB): void {
    this.page.drawText(settable(value), { x, y, size, font, color });
  }

  private width(value: string, font: PDFFont, size: number): number {
    let cache = this.widths.get(font);
    if (!cache) {
      cache = new Map();
      this.widths.set(font, cache);
    }
    let total = 0;
    for (const ch of settable(value)) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = font.widthOfTextAtSize(ch, 1);
        cache.set(ch, w);
      }
      total += w;
    }
    return total * size;
  }

  /** Breaks text into lines no wider than `max`, by the Chinese line-breaking rules. */
  wrap(value: string, font: PDFFont, size: number, max: number): string[] {
    return breakLines(settable(value), (ch) => this.width(ch, font, size), max);
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
  table(columns: readonly Column[], rows: readonly (readonly string[])[], size = 8.5): void {
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
    for (const row of rows) {
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
    }
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Page numbers and watermarks go on last, when the page count is known. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      this.page = page;
      const [width] = this.size;
      const label = `第 ${index + 1} / ${pages.length} 页`;
      this.text(label, width - MARGIN - this.width(label, this.regular, 8), MARGIN - 18, 8, this.regular, MUTED);
      if (this.frame.watermark) this.watermark(this.frame.watermark);
    });
    return this.doc.save({ useObjectStreams: true });
  }

  private watermark(value: string): void {
    const [width, height] = this.size;
    const size = 18;
    const step = this.width(value, this.regular, size) + 80;
    for (let y = -height; y < height * 1.5; y += 150) {
      for (let x = -width; x < width * 1.5; x += step) {
        this.page.drawText(settable(value), { x, y, size, font: this.regular, color: RED, opacity: 0.13, rotate: degrees(30) });
      }
    }
  }
}
