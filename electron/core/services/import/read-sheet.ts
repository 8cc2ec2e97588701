import { Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportEncoding } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { StagedImport } from '../../staged-import';
import { readStagedFile, stagedFileStream } from '../../staging/staged-file-reader';
import { xlsxInReadingOrder } from './xlsx-order';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function formatOf(fileName: string, head: Uint8Array): 'csv' | 'xlsx' {
  const zip = head[0] === 0x50 && head[1] === 0x4b; // "PK": an .xlsx is a zip archive
  if (/\.xlsx$/i.test(fileName) && zip) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName) && !zip) return 'csv';
  if (/\.xls$/i.test(fileName)) throw new AppError('VALIDATION', { zh: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV', en: 'Old .xls files are not supported; save the sheet as .xlsx or CSV in Excel' });
  throw new AppError('VALIDATION', { zh: '只能导入 CSV 或 .xlsx 文件', en: 'Only CSV and .xlsx files can be imported' });
}

/**
 * The encoding of a CSV: a UTF-8 byte-order mark, or bytes that are valid UTF-8, mean UTF-8;
 * anything else is read as GB18030 (which includes GBK and GB2312) – what Excel writes on a
 * Chinese Windows. The clerk sees a sample and can choose the other one.
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
  if (head[0] === 0xff || head[0] === 0xfe) {
    throw new AppError('VALIDATION', { zh: '不支持 UTF-16 编码的 CSV，请另存为 UTF-8 或 GBK', en: 'UTF-16 CSV files are not supported; save as UTF-8 or GBK' });
  }
  if (UTF8_BOM.every((b, i) => head[i] === b)) return 'utf-8';
  let end = head.length;
  // A sample may end inside a character: drop an unfinished UTF-8 sequence at the very end.
  for (let back = 1; back <= 3 && end - back >= 0; back += 1) {
    const byte = head[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (back < needed) end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** What reading a sheet needs: its staged file and format – also all an import worker is given. */
export type SheetSource = Pick<StagedImport, 'source' | 'format'>;

function byteStream(staged: SheetSource): Readable {
  return stagedFileStream(staged.source);
}

/** The whole staged file in memory (an .xlsx is reordered before it is read: xlsx-order). */
async function wholeFile(staged: SheetSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(staged.source)) parts.push(part);
  return Buffer.concat(parts);
}

/** Bytes in, text out, one chunk at a time: a character split between chunks is carried over. */
function decoder(encoding: ImportEncoding): Transform {
  const text = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel dates carry no time zone; exceljs hands them over as midnight UTC of that day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/**
 * The rows of a sheet as text, header first, streamed: a CSV through the chosen encoding, an
 * .xlsx's first worksheet (dates as YYYY-MM-DD, formulas by their results). Each row comes with
 * its number as a spreadsheet shows it (the header is row 1); empty rows are left out.
 */
export async function* readRows(staged: SheetSource, encoding: ImportEncoding | null): AsyncGenerator<{ line: number; cells: string[] }> {
  const bytes = staged.format === 'xlsx' ? await xlsxInReadingOrder(await wholeFile(staged), () => byteStream(staged)) : byteStream(staged);
  try {
    if (staged.format === 'csv') {
      const parser = bytes.pipe(decoder(encoding ?? 'utf-8')).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
      let line = 0;
      for await (const record of parser as AsyncIterable<string[]>) {
        line += 1;
        if (record.every((cell) => cell.trim() === '')) continue;
        yield { line, cells: record };
      }
      return;
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from(values, (value) => cellText(value).trim());
        if (cells.every((cell) => cell === '')) continue;
        yield { line: row.number, cells };
      }
      return; // the first worksheet only
    }
  } finally {
    bytes.destroy();
  }
}

/** Lines of a CSV, counted on the bytes: the number of rows unless cells hold line breaks. */
export async function countLines(staged: SheetSource): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of byteStream(staged) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}
