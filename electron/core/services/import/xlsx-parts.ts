import { PassThrough } from 'node:stream';
import { crc32 } from 'node:zlib';
import type JSZip from 'jszip';
import type { Message } from '../../../../shared/errors';
import { partTooLarge, tooManyParts, WORKBOOK_LIMITS } from './workbook-limits';
import { xlsxDamaged } from './xlsx-text-limiter';

/** The worksheets exceljs reads (by this very pattern); the first is the one imported. */
export const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
export const SHARED_STRINGS = 'xl/sharedStrings.xml';

/** What begins each entry of a zip's central directory. */
const DIRECTORY_ENTRY = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

/**
 * Refuses a zip of more parts than a workbook may have, before the zip reader lists them: it takes
 * every directory entry it finds, whatever the zip's end record says, so every place one could
 * begin is counted (a few more than there are, at most: the four bytes may happen to occur in a
 * part's data).
 */
export function checkPartCount(zip: Buffer): void {
  let found = 0;
  for (let at = zip.indexOf(DIRECTORY_ENTRY); at !== -1; at = zip.indexOf(DIRECTORY_ENTRY, at + DIRECTORY_ENTRY.length)) {
    found += 1;
    if (found > WORKBOOK_LIMITS.parts) throw tooManyParts();
  }
}

/** The parts read besides the worksheet and the shared strings: the reader keeps each whole. */
const HELD: Record<string, Message> = {
  'xl/_rels/workbook.xml.rels': { zh: '工作簿关系', en: 'workbook relationships' },
  'xl/workbook.xml': { zh: '工作簿结构', en: 'workbook structure' },
  'xl/styles.xml': { zh: '样式', en: 'styles' },
};

/** The parts read and what each may inflate to; any other part is never inflated. */
function partRule(path: string): { words: Message; maxBytes: number } {
  const held = HELD[path];
  if (held) return { words: held, maxBytes: WORKBOOK_LIMITS.heldPartBytes };
  if (path === SHARED_STRINGS) return { words: { zh: '共享字符串', en: 'shared strings' }, maxBytes: WORKBOOK_LIMITS.streamedPartBytes };
  if (WORKSHEET.test(path)) return { words: { zh: '工作表', en: 'worksheet' }, maxBytes: WORKBOOK_LIMITS.streamedPartBytes };
  throw new Error(`${path} is not a part the import reads`);
}

/**
 * What the zip's directory says of a part. JSZip keeps it in the entry's private `_data` (its
 * index.d.ts describes that object, commented out until it is made public); it offers no other way
 * to a part's checksum than checking every part of the file, all the way through.
 */
function directoryEntry(file: JSZip.JSZipObject): { uncompressedSize: number; crc32: number } {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown; crc32?: unknown } })._data;
  if (typeof data?.uncompressedSize !== 'number' || typeof data.crc32 !== 'number') throw xlsxDamaged();
  return { uncompressedSize: data.uncompressedSize, crc32: data.crc32 >>> 0 };
}

/**
 * A part's bytes as it inflates. A part that says it is larger than it may be is refused before a
 * byte is inflated; one that inflates beyond what it says (a zip bomb that lies about its size) is
 * damaged and stops there; at its end it must have the checksum it says – a damaged part can
 * inflate to other bytes without an error.
 */
export async function* partBytes(file: JSZip.JSZipObject): AsyncGenerator<Buffer> {
  const { words, maxBytes } = partRule(file.name);
  const expected = directoryEntry(file);
  if (expected.uncompressedSize > maxBytes) throw partTooLarge(words, file.name, maxBytes);
  // JSZip's stream is not one of Node's own: piped through one, its errors (a damaged entry) arrive here.
  const bytes = new PassThrough();
  file
    .nodeStream()
    .on('error', (error: Error) => bytes.destroy(error))
    .pipe(bytes);
  let size = 0;
  let checksum = 0;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > expected.uncompressedSize) throw xlsxDamaged();
    checksum = crc32(chunk, checksum);
    yield chunk;
  }
  if (size !== expected.uncompressedSize || checksum !== expected.crc32) throw xlsxDamaged();
}

/** A part's text: UTF-8, decoded across the chunks' edges; bytes that are not UTF-8 are damage. */
export async function* partText(file: JSZip.JSZipObject): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of partBytes(file)) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}
