import { PDFArray, PDFContext, type PDFDict, PDFName, PDFNumber, PDFObjectParser, type PDFObject } from 'pdf-lib';

/** PDF white-space: NUL, tab, line feed, form feed, carriage return, space. */
export const isPdfSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** Reads PDF tokens byte by byte from a position: just enough for cross-reference tables and object headers. */
export class PdfCursor {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
  ) {}

  /** Skips white-space; true when there was some. */
  skipSpace(): boolean {
    const start = this.pos;
    while (isPdfSpace(this.bytes[this.pos])) this.pos += 1;
    return this.pos > start;
  }

  /** Consumes `word` if it is next. */
  keyword(word: string): boolean {
    for (let i = 0; i < word.length; i += 1) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    this.pos += word.length;
    return true;
  }

  /** A non-negative integer of at most `maxDigits` digits, or undefined (nothing consumed). */
  integer(maxDigits = 15): number | undefined {
    let end = this.pos;
    while (end - this.pos < maxDigits && isDigit(this.bytes[end])) end += 1;
    if (end === this.pos) return undefined;
    let value = 0;
    for (let i = this.pos; i < end; i += 1) value = value * 10 + ((this.bytes[i] ?? 0x30) - 0x30);
    this.pos = end;
    return value;
  }

  /** An indirect object's header, "<number> <generation> obj", or undefined. */
  objectHeader(): { number: number; generation: number } | undefined {
    this.skipSpace();
    const number = this.integer();
    if (number === undefined || !this.skipSpace()) return undefined;
    const generation = this.integer();
    if (generation === undefined) return undefined;
    this.skipSpace();
    return this.keyword('obj') ? { number, generation } : undefined;
  }
}

/** The object written at `at` (a dictionary, a stream …), read by pdf-lib's parser. */
export function parsePdfObjectAt(bytes: Uint8Array, at: number): PDFObject {
  return PDFObjectParser.forBytes(bytes.subarray(at), PDFContext.create()).parseObject();
}

export function integerIn(dict: PDFDict, key: string): number | undefined {
  const value = dict.get(PDFName.of(key));
  return value instanceof PDFNumber && Number.isInteger(value.asNumber()) ? value.asNumber() : undefined;
}

export function integersIn(dict: PDFDict, key: string): number[] | undefined {
  const value = dict.get(PDFName.of(key));
  if (!(value instanceof PDFArray)) return undefined;
  const items = value.asArray();
  return items.every((item) => item instanceof PDFNumber && Number.isInteger(item.asNumber())) ? items.map((item) => (item as PDFNumber).asNumber()) : undefined;
}
