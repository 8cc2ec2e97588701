import { deflateSync } from 'node:zlib';
import { PDFName, PDFRawStream, type PDFDocument, type PDFPage, type PDFRef, type RGB } from 'pdf-lib';
import type { Face } from './typeface';

/** Text operators compress well at any level; a low one is several times faster on long registers. */
const DEFLATE_LEVEL = 3;

const n = (value: number) => String(Math.round(value * 100) / 100);
const colour = (color: RGB) => `${n(color.red)} ${n(color.green)} ${n(color.blue)}`;

/**
 * A page's drawing written straight as PDF content operators, and compressed (by Node's zlib) into
 * a content stream of the page when flushed. pdf-lib's drawing methods build an object per
 * operator and operand – some twenty per line of text – which made a long register spend most of
 * its time and memory on them. A page is flushed when it is done, so a register of thousands of
 * pages needs memory for its compressed bytes only. Each flush is one stream in `q … Q`, so the
 * colours, fonts and line widths it sets never leak into the next.
 */
export class PageContent {
  private parts: string[] = [];
  private inText = false;
  private font = '';
  private fill = '';
  private readonly fonts = new Set<string>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
  ) {}

  /** A run of text in one face; `codes` are its glyphs' codes in hex. `turned`: a quarter clockwise, reading downwards. */
  text(face: Face, codes: string, x: number, y: number, size: number, color: RGB, turned = false): void {
    if (!this.inText) {
      this.parts.push('BT');
      this.inText = true;
    }
    if (!this.fonts.has(face.key)) {
      this.page.node.setFontDictionary(PDFName.of(face.key), face.font.ref);
      this.fonts.add(face.key);
    }
    const font = `/${face.key} ${n(size)} Tf`;
    if (font !== this.font) this.parts.push((this.font = font));
    this.setFill(color);
    this.parts.push(`${turned ? '0 -1 1 0' : '1 0 0 1'} ${n(x)} ${n(y)} Tm <${codes}> Tj`);
  }

  line(from: { x: number; y: number }, to: { x: number; y: number }, thickness: number, color: RGB): void {
    this.endText();
    this.parts.push(`${n(thickness)} w ${colour(color)} RG ${n(from.x)} ${n(from.y)} m ${n(to.x)} ${n(to.y)} l S`);
  }

  fillRectangle(x: number, y: number, width: number, height: number, color: RGB): void {
    this.endText();
    this.setFill(color);
    this.parts.push(`${n(x)} ${n(y)} ${n(width)} ${n(height)} re f`);
  }

  strokeRectangle(x: number, y: number, width: number, height: number, thickness: number, color: RGB): void {
    this.endText();
    this.parts.push(`${n(thickness)} w ${colour(color)} RG ${n(x)} ${n(y)} ${n(width)} ${n(height)} re S`);
  }

  /** Operators written as they are (e.g. a form placed many times). */
  raw(operators: string): void {
    this.endText();
    this.parts.push(operators);
  }

  /** Whatever was drawn since the last flush becomes a content stream of the page, after its others. */
  flush(): PDFRef | null {
    this.endText();
    if (this.parts.length === 0) return null;
    const content = Buffer.from(`q\n${this.parts.join('\n')}\nQ\n`, 'latin1');
    const ref = this.doc.context.register(PDFRawStream.of(this.doc.context.obj({ Filter: 'FlateDecode' }), deflateSync(content, { level: DEFLATE_LEVEL })));
    this.page.node.addContentStream(ref);
    this.parts = [];
    this.font = '';
    this.fill = '';
    return ref;
  }

  private setFill(color: RGB): void {
    const fill = `${colour(color)} rg`;
    if (fill !== this.fill) this.parts.push((this.fill = fill));
  }

  private endText(): void {
    if (!this.inText) return;
    this.parts.push('ET');
    this.inText = false;
  }
}
