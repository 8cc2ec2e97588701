import { PDFDict } from 'pdf-lib';
import { parsePdfObjectAt, PdfCursor } from './pdf-syntax';
import { brokenXref, type XrefSection } from './pdf-xref-section';

const malformed = () => brokenXref('交叉引用表格式错误', 'its cross-reference table is malformed');

/**
 * One entry: 10-digit offset, space, 5-digit generation, space, n or f, and a two-byte end of
 * line. Some writers end entries with a single line feed (19 bytes): tolerated.
 */
function readEntry(cursor: PdfCursor): { offset: number; generation: number; inUse: boolean } {
  const offset = cursor.integer(10);
  if (offset === undefined || !cursor.keyword(' ')) throw malformed();
  const generation = cursor.integer(5);
  if (generation === undefined || !cursor.keyword(' ')) throw malformed();
  const inUse = cursor.keyword('n');
  if (!inUse && !cursor.keyword('f')) throw malformed();
  if (!cursor.skipSpace()) throw malformed();
  return { offset, generation, inUse };
}

/** The classic table at `at` ("xref", subsections "<first> <count>" with their entries, then "trailer" and its dictionary). */
export function readXrefTable(bytes: Uint8Array, at: number): XrefSection {
  const cursor = new PdfCursor(bytes, at);
  cursor.skipSpace();
  if (!cursor.keyword('xref')) throw malformed();
  const section: Omit<XrefSection, 'trailer'> = { direct: [], objectStreams: [] };
  for (;;) {
    cursor.skipSpace();
    if (cursor.keyword('trailer')) break;
    const first = cursor.integer();
    cursor.skipSpace();
    const count = cursor.integer();
    if (first === undefined || count === undefined || !cursor.skipSpace()) throw malformed();
    // Every entry needs at least 19 bytes: a count the file cannot hold is damage, not a long loop.
    if (cursor.pos + count * 19 > bytes.length) throw malformed();
    for (let i = 0; i < count; i += 1) {
      const entry = readEntry(cursor);
      if (entry.inUse) section.direct.push({ number: first + i, generation: entry.generation, offset: entry.offset });
    }
  }
  cursor.skipSpace();
  let trailer;
  try {
    trailer = parsePdfObjectAt(bytes, cursor.pos);
  } catch {
    throw malformed();
  }
  if (!(trailer instanceof PDFDict)) throw malformed();
  return { ...section, trailer };
}
