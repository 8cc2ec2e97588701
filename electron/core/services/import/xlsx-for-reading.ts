import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { AppError } from '../../../../shared/errors';
import { ZipWriter } from '../../fs/zip-writer';
import { SharedStringsReader } from './shared-strings';
import { checkPartCount, partText, SHARED_STRINGS, WORKSHEET } from './xlsx-parts';
import { asciiOnly, xlsxDamaged, XmlTextLimiter, type TextScopes } from './xlsx-text-limiter';

/** What a streaming reader must have read before a worksheet's rows mean anything, in that order. */
const NEEDED_FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml'];

/** An .xlsx as exceljs's streaming reader reads it, and the shared strings its cells refer to. */
export interface XlsxForReading {
  stream: Readable;
  sharedStrings: string[];
}

/** The shared strings, if the workbook has any (a workbook may keep all its text in its cells). */
async function readSharedStrings(file: JSZip.JSZipObject | null): Promise<string[]> {
  if (!file) return [];
  const reader = new SharedStringsReader();
  const limiter = new XmlTextLimiter({ cell: 'si' });
  for await (const text of partText(file)) reader.push(limiter.push(text));
  reader.push(limiter.end());
  return reader.end();
}

async function writePart(out: ZipWriter, file: JSZip.JSZipObject, scopes: TextScopes | null): Promise<void> {
  const entry = out.entry(file.name);
  const limiter = new XmlTextLimiter(scopes);
  for await (const text of partText(file)) entry.write(asciiOnly(limiter.push(text)));
  entry.write(limiter.end());
  entry.close();
}

/**
 * An .xlsx made ready for exceljs's streaming reader, in memory (nothing reaches the disk), of no
 * more parts than a workbook may have, with every part read inflated and checked against its sizes
 * and checksum (xlsx-parts) – no other part is inflated at all:
 * - the shared strings read here, within the workbook's limits (shared-strings.ts), for the
 *   reader to look the cells' text up in (read-xlsx hands them over before it reads);
 * - only the other parts it reads, in the order it needs them – the workbook, its relationships
 *   and styles before the worksheet (exceljs would spool a worksheet it meets before the
 *   relationships, or without shared strings, to a plaintext temp file outside the data folder) –
 *   and of the worksheets only the first, the one imported;
 * - each part's text through XmlTextLimiter: no cell longer than the sheet's limits (so none can
 *   fill the reader's memory), and in ASCII (asciiOnly).
 * A file that is not a workbook, or is damaged, is refused with one clear message.
 */
export async function xlsxForReading(bytes: Buffer): Promise<XlsxForReading> {
  try {
    checkPartCount(bytes);
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('xl/workbook.xml')) throw xlsxDamaged();
    const worksheet = Object.values(zip.files).find((file) => WORKSHEET.test(file.name) && !file.dir);
    if (!worksheet) throw new AppError('VALIDATION', { zh: '工作簿中没有工作表', en: 'The workbook has no worksheet' });
    const sharedStrings = await readSharedStrings(zip.file(SHARED_STRINGS));
    const out = new ZipWriter();
    for (const name of NEEDED_FIRST) {
      const file = zip.file(name);
      if (file) await writePart(out, file, null);
    }
    await writePart(out, worksheet, { cell: 'c', row: 'row' });
    const zipped = out.finish();
    return { stream: Readable.from([Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength)], { objectMode: false }), sharedStrings };
  } catch (error) {
    throw error instanceof AppError ? error : xlsxDamaged(error);
  }
}
