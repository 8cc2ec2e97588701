import { PDFName, type PDFDict } from 'pdf-lib';
import { latin1 } from './bytes';
import { refusals, ScanRefusal } from './refusal';
import { integerIn, PdfCursor } from './pdf-syntax';
import { brokenXref, type XrefSection } from './pdf-xref-section';
import { readXrefStream } from './pdf-xref-stream';
import { readXrefTable } from './pdf-xref-table';

/** How far from the end `startxref` is looked for: the specification says 1024 bytes; some writers append a little more. */
const TAIL = 4096;

/**
 * The offset after the last `startxref` (followed by %%EOF), or a refusal: a file without one was
 * cut short – and so was one with objects after it (an update whose end is missing).
 */
function startXref(bytes: Uint8Array): number {
  const tail = latin1(bytes, bytes.length - TAIL, bytes.length);
  const last = tail.slice(tail.lastIndexOf('startxref'));
  const match = /^startxref[\0\t\n\f\r ]+(\d{1,15})[\0\t\n\f\r ]+%%EOF/.exec(last);
  if (!match?.[1] || /\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj/.test(last.slice(match[0].length))) throw new ScanRefusal(refusals.truncated('PDF'));
  return Number(match[1]);
}

/** What begins at `at`: a classic table ("xref"), an object (an xref stream, once read), or nothing a section starts with. */
function sectionKind(bytes: Uint8Array, at: number): 'table' | 'stream' | undefined {
  if (at >= bytes.length) return undefined;
  const cursor = new PdfCursor(bytes, at);
  cursor.skipSpace();
  if (cursor.keyword('xref')) return 'table';
  return new PdfCursor(bytes, at).objectHeader() ? 'stream' : undefined;
}

/**
 * Offsets count from the start of the file, but when junk precedes the header some writers count
 * from `%PDF-` instead: whichever makes `startxref` land on a cross-reference section is used for all.
 */
function offsetBase(bytes: Uint8Array, start: number, headerOffset: number): number {
  const bases = headerOffset > 0 ? [0, headerOffset] : [0];
  if (bases.every((base) => start + base >= bytes.length)) {
    throw brokenXref('startxref 指向文件末尾之后', 'startxref points past the end of the file');
  }
  const base = bases.find((candidate) => sectionKind(bytes, start + candidate) !== undefined);
  if (base === undefined) throw brokenXref('startxref 处没有交叉引用表', 'there is no cross-reference table where startxref points');
  return base;
}

function readSection(bytes: Uint8Array, at: number): XrefSection {
  const kind = sectionKind(bytes, at);
  if (!kind) throw brokenXref('前一个交叉引用段的位置不对', 'an earlier cross-reference section is not where the file says');
  return kind === 'table' ? readXrefTable(bytes, at) : readXrefStream(bytes, at);
}

/** Every section from the newest, following /Prev (and a hybrid file's /XRefStm); a chain that loops is damage. */
function allSections(bytes: Uint8Array, start: number, base: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const pending = [start];
  const seen = new Set<number>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) throw brokenXref('交叉引用段形成循环', 'its cross-reference sections link back in a loop');
    seen.add(next);
    const section = readSection(bytes, next + base);
    if (isEncrypted(section.trailer)) throw new ScanRefusal(refusals.encryptedPdf());
    sections.push(section);
    for (const key of ['Prev', 'XRefStm']) {
      const offset = integerIn(section.trailer, key);
      if (offset !== undefined) pending.push(offset);
    }
  }
  return sections;
}

const isEncrypted = (trailer: PDFDict) => trailer.has(PDFName.of('Encrypt'));

/** Every object an entry points at starts there with its own number and generation; compressed objects sit in object streams that exist. */
function checkEntries(bytes: Uint8Array, sections: XrefSection[], base: number): void {
  const written = new Set<number>();
  for (const { direct } of sections) {
    for (const entry of direct) {
      const header = entry.offset + base < bytes.length ? new PdfCursor(bytes, entry.offset + base).objectHeader() : undefined;
      if (header?.number !== entry.number || header.generation !== entry.generation) {
        throw brokenXref(`第 ${entry.number} 号对象不在表中记录的位置`, `object ${entry.number} is not where the table says`);
      }
      written.add(entry.number);
    }
  }
  for (const { objectStreams } of sections) {
    const missing = objectStreams.find((number) => !written.has(number));
    if (missing !== undefined) throw brokenXref(`第 ${missing} 号对象流不存在`, `object stream ${missing} does not exist`);
  }
}

/**
 * Checks a PDF's cross-reference data – the way a reader finds every object – from `startxref`
 * through every earlier section. Refuses a file that was cut short, whose references point at the
 * wrong place, or that is encrypted.
 */
export function checkPdfXref(bytes: Uint8Array, headerOffset: number): void {
  const start = startXref(bytes);
  const base = offsetBase(bytes, start, headerOffset);
  checkEntries(bytes, allSections(bytes, start, base), base);
}
