/**
 * Scan files for tests, made in memory: real enough for the tools that read them (ImageMagick,
 * poppler, qpdf), small enough to make by the hundred. And the ways such files go wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { inspectScan } from '../../electron/core/attachments/inspect';
import { AppError } from '../../shared/errors';
import { repoRoot } from './paths';

/** A renamed Windows program: its MZ header and DOS stub. */
export { exeBytes as fakeExe } from './bad-inputs';

/** A grey test pattern, different for each `variant` so that files made with different variants differ. */
function pattern(width: number, height: number, variant: number): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = (x * 7 + y * 13 + variant * 31) & 0xff;
  return pixels;
}

export interface ImageOptions {
  width?: number;
  height?: number;
  /** Changes the pixels, to make files that are not identical. */
  variant?: number;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** An 8-bit greyscale PNG. */
export function samplePng({ width = 32, height = 24, variant = 0 }: ImageOptions = {}): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, filter method 0, no interlace
  const pixels = pattern(width, height, variant);
  const rows = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y += 1) rows.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array())]));
}

interface TiffField {
  tag: number;
  /** 3 SHORT, 4 LONG, 5 RATIONAL, 16 LONG8. */
  type: 3 | 4 | 5 | 16;
  values: number[];
}

const tiffTypeSizes = { 3: 2, 4: 4, 5: 8, 16: 8 } as const;

/** Writes TIFF structures little-endian, classic (4-byte offsets) or BigTIFF (8-byte). */
class TiffWriter {
  private readonly parts: Buffer[] = [];
  length = 0;

  constructor(readonly big: boolean) {}

  append(bytes: Buffer): number {
    // Word alignment, as TIFF asks of every offset.
    if (this.length % 2 === 1) this.append(Buffer.alloc(1));
    const at = this.length;
    this.parts.push(bytes);
    this.length += bytes.length;
    return at;
  }

  number(value: number, size: number): Buffer {
    const bytes = Buffer.alloc(size);
    if (size === 2) bytes.writeUInt16LE(value);
    else if (size === 4) bytes.writeUInt32LE(value);
    else bytes.writeBigUInt64LE(BigInt(value));
    return bytes;
  }

  values(field: TiffField): Buffer {
    if (field.type === 5) return Buffer.concat(field.values.flatMap((value) => [this.number(value, 4), this.number(1, 4)]));
    return Buffer.concat(field.values.map((value) => this.number(value, tiffTypeSizes[field.type])));
  }

  /** An image file directory; returns where it is and where its "next" offset sits. */
  directory(fields: TiffField[]): { at: number; nextAt: number } {
    const offsetSize = this.big ? 8 : 4;
    const entries = fields.map((field) => {
      const values = this.values(field);
      const inline = values.length <= offsetSize;
      const value = inline ? Buffer.concat([values, Buffer.alloc(offsetSize - values.length)]) : this.number(this.append(values), offsetSize);
      return Buffer.concat([this.number(field.tag, 2), this.number(field.type, 2), this.number(field.values.length, offsetSize), value]);
    });
    const directory = Buffer.concat([this.number(fields.length, this.big ? 8 : 2), ...entries, Buffer.alloc(offsetSize)]);
    const at = this.append(directory);
    return { at, nextAt: at + directory.length - offsetSize };
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** A multi-page, uncompressed 8-bit greyscale TIFF as scanners write them: one directory per page. */
export function sampleTiff(pages: number, { width = 24, height = 32, variant = 0, bigTiff = false }: ImageOptions & { bigTiff?: boolean } = {}): Uint8Array {
  const writer = new TiffWriter(bigTiff);
  const offsetSize = bigTiff ? 8 : 4;
  writer.append(bigTiff ? Buffer.from([0x49, 0x49, 43, 0, 8, 0, 0, 0]) : Buffer.from([0x49, 0x49, 42, 0]));
  const firstAt = writer.append(Buffer.alloc(offsetSize));
  const links: { at: number; nextAt: number }[] = [];
  const offsetType = bigTiff ? 16 : 4;
  for (let page = 0; page < pages; page += 1) {
    const strip = writer.append(Buffer.from(pattern(width, height, variant + page)));
    links.push(
      writer.directory([
        { tag: 254, type: 4, values: [2] }, // NewSubfileType: one page of a multi-page document
        { tag: 256, type: 4, values: [width] },
        { tag: 257, type: 4, values: [height] },
        { tag: 258, type: 3, values: [8] },
        { tag: 259, type: 3, values: [1] }, // no compression
        { tag: 262, type: 3, values: [1] }, // black is zero
        { tag: 273, type: offsetType, values: [strip] },
        { tag: 277, type: 3, values: [1] },
        { tag: 278, type: 4, values: [height] },
        { tag: 279, type: offsetType, values: [width * height] },
        { tag: 282, type: 5, values: [200] }, // 200 dpi
        { tag: 283, type: 5, values: [200] },
        { tag: 296, type: 3, values: [2] },
        { tag: 297, type: 3, values: [page, pages] },
      ]),
    );
  }
  const bytes = writer.bytes();
  const writeOffset = (at: number, value: number) => (bigTiff ? bytes.writeBigUInt64LE(BigInt(value), at) : bytes.writeUInt32LE(value, at));
  writeOffset(firstAt, links[0]?.at ?? 0);
  links.forEach((link, i) => writeOffset(link.nextAt, links[i + 1]?.at ?? 0));
  return new Uint8Array(bytes);
}

/** Where each page's directory of a TIFF from `sampleTiff` (classic) begins, and where its "next" link sits. */
export function tiffDirectories(tiff: Uint8Array): { at: number; nextAt: number }[] {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const directories: { at: number; nextAt: number }[] = [];
  for (let at = view.getUint32(4, true); at !== 0; ) {
    const nextAt = at + 2 + view.getUint16(at, true) * 12;
    directories.push({ at, nextAt });
    at = view.getUint32(nextAt, true);
  }
  return directories;
}

/** Real JPEGs made by ImageMagick: a greyscale page (baseline) and a colour photo (progressive: several scans). */
export function sampleJpeg(which: 'scan-page' | 'photo-progressive' = 'scan-page'): Uint8Array {
  return new Uint8Array(readFileSync(join(repoRoot, 'tests/fixtures/scans', `${which}.jpg`)));
}

/** PDF literal-string escaping: backslash and parentheses. */
const pdfLiteral = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/**
 * An A4 PDF made by pdf-lib. With `text` (ASCII), page 1 shows it in an uncompressed content
 * stream: the text stands in the file's bytes as written, and pdftotext extracts it – what a test
 * needs to prove the stored copy hides it. `classicXref` writes a classic cross-reference table
 * instead of pdf-lib's default xref stream with object streams.
 */
export async function samplePdf(pages: number, text?: string, { classicXref = false }: { classicXref?: boolean } = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page += 1) {
    const leaf = document.addPage([595, 842]).node;
    const shown = page === 1 && text !== undefined ? text : `Page ${page}`;
    leaf.setFontDictionary(PDFName.of('F1'), font.ref);
    leaf.addContentStream(document.context.register(document.context.stream(`BT /F1 12 Tf 50 780 Td ${pdfLiteral(shown)} Tj ET`)));
  }
  return document.save({ useObjectStreams: !classicXref });
}

/** The first `keep` bytes, as a file cut short in transfer. */
export function truncated(bytes: Uint8Array, keep: number): Uint8Array {
  return bytes.slice(0, keep);
}

/** A PDF whose `startxref` says `offset` (e.g. past the end of the file). */
export function withStartXref(pdf: Uint8Array, offset: number): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const at = text.lastIndexOf('startxref');
  return new Uint8Array(Buffer.from(text.slice(0, at) + text.slice(at).replace(/startxref\s+\d+/, `startxref\n${offset}`), 'latin1'));
}

/** A PDF with a classic table whose entry for object `number` says `offset` instead (same length, so nothing else moves). */
export function withXrefEntry(pdf: Uint8Array, number: number, offset: number): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const table = text.lastIndexOf('\nxref') + 1;
  const header = /^xref\s+(\d+)\s+\d+\s*?\n/.exec(text.slice(table));
  if (!header) throw new Error('withXrefEntry needs a PDF with a classic cross-reference table');
  const entry = table + header[0].length + (number - Number(header[1])) * 20;
  return new Uint8Array(Buffer.from(text.slice(0, entry) + String(offset).padStart(10, '0') + text.slice(entry + 10), 'latin1'));
}

/**
 * A PDF with a comment line put in after its header, `startxref` moved along with the table it
 * points at, and nothing else: every object now begins `by` bytes later than its entry says.
 */
export function withObjectsMoved(pdf: Uint8Array, by = 8): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const headerEnd = text.indexOf('\n') + 1;
  const start = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  const moved = text.slice(0, headerEnd) + `%${'-'.repeat(by - 2)}\n` + text.slice(headerEnd);
  return withStartXref(new Uint8Array(Buffer.from(moved, 'latin1')), start + by);
}

/** Runs qpdf on PDF bytes (`qpdf <args> in out`): linearize, encrypt, rewrite with xref streams as Acrobat-era tools do. */
export function qpdfRewrite(pdf: Uint8Array, ...args: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'dossierdesk-qpdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The error an inspection was refused with; fails the test when it was not refused. */
export async function refusalOf(inspection: Promise<unknown>): Promise<AppError> {
  const outcome = await inspection.then(
    (value) => new Error(`expected a refusal, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw outcome;
  return outcome;
}

/** Why the bytes are refused as a scan – the reason alone, in English – or 'accepted'. */
export async function refusalReason(bytes: Uint8Array): Promise<string> {
  try {
    await inspectScan(bytes, 'scan');
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError && error.issues?.[0]) return error.issues[0].messageEn;
    throw error;
  }
}
