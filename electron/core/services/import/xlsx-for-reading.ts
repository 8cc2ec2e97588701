import { PassThrough, Readable } from 'node:stream';
import JSZip from 'jszip';
import { AppError } from '../../../../shared/errors';
import { ZipWriter } from '../../fs/zip-writer';
import { xlsxDamaged, XmlTextLimiter, type TextScopes } from './xlsx-text-limiter';

/** The worksheets exceljs reads (by this very pattern); the first is the one imported. */
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** What a streaming reader must have read before a worksheet's rows mean anything, in that order. */
const NEEDED_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];

function scopesOf(part: string): TextScopes | null {
  if (part === 'xl/sharedStrings.xml') return { cell: 'si' };
  return WORKSHEET.test(part) ? { cell: 'c', row: 'row' } : null;
}

async function* partText(file: JSZip.JSZipObject): AsyncGenerator<string> {
  // JSZip's stream is not one of Node's own: piped through one, its errors (a damaged entry) arrive here.
  const bytes = new PassThrough();
  file
    .nodeStream()
    .on('error', (error: Error) => bytes.destroy(error))
    .pipe(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of bytes as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * Whether every part of an .xlsx decompresses to what its checksum says: a damaged part can
 * inflate to other text without an error. Checked once, when the file is opened – the staged
 * copy that is read later cannot change.
 */
export async function checkXlsxParts(bytes: Buffer): Promise<void> {
  try {
    await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (error) {
    throw xlsxDamaged(error);
  }
}

/**
 * An .xlsx made ready for exceljs's streaming reader, in memory (nothing reaches the disk):
 * - only the parts it reads, in the order it needs them – the workbook, its relationships, the
 *   shared strings and styles before any worksheet (Excel writes the shared strings after the
 *   worksheets, and exceljs would spool each worksheet it meets first to a plaintext temp file
 *   outside the data folder);
 * - each part's text through XmlTextLimiter: no cell longer than the sheet's limits (so none can
 *   fill the reader's memory), and ASCII only (exceljs would break a character split between
 *   chunks).
 * A file that is not a workbook, or is damaged, is refused with one clear message.
 */
export async function xlsxForReading(bytes: Buffer): Promise<Readable> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('xl/workbook.xml')) throw xlsxDamaged();
    const worksheets = Object.keys(zip.files).filter((name) => WORKSHEET.test(name) && !zip.files[name]?.dir);
    if (worksheets.length === 0) throw new AppError('VALIDATION', { zh: '工作簿中没有工作表', en: 'The workbook has no worksheet' });
    const out = new ZipWriter();
    for (const name of [...NEEDED_FIRST, ...worksheets]) {
      const file = zip.file(name);
      if (!file) continue;
      const entry = out.entry(name);
      const limiter = new XmlTextLimiter(scopesOf(name));
      for await (const text of partText(file)) entry.write(limiter.push(text));
      entry.write(limiter.end());
      entry.close();
    }
    const zipped = out.finish();
    return Readable.from([Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength)], { objectMode: false });
  } catch (error) {
    throw error instanceof AppError ? error : xlsxDamaged(error);
  }
}
