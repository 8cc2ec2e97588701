import type { ImportEncoding } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { StagedImport } from '../../staged-import';
import { readStagedFile } from '../../staging/staged-file-reader';
import { csvRows } from './read-csv';
import { xlsxRows } from './read-xlsx';
import type { SheetRow } from './sheet-limits';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function formatOf(fileName: string, head: Uint8Array): 'csv' | 'xlsx' {
  const zip = head[0] === 0x50 && head[1] === 0x4b; // "PK": an .xlsx is a zip archive
  if (/\.xlsx$/i.test(fileName)) {
    if (zip) return 'xlsx';
    throw new AppError('VALIDATION', { zh: `“${fileName}”不是 Excel 工作簿（.xlsx）：文件已损坏，或只是改了扩展名`, en: `"${fileName}" is not an Excel workbook (.xlsx): it is damaged, or only its extension was changed` });
  }
  if (/\.xls$/i.test(fileName)) throw new AppError('VALIDATION', { zh: '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV', en: 'Old .xls files are not supported; save the sheet as .xlsx or CSV in Excel' });
  if (!/\.(csv|txt)$/i.test(fileName) || zip) throw new AppError('VALIDATION', { zh: '只能导入 CSV 或 .xlsx 文件', en: 'Only CSV and .xlsx files can be imported' });
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new AppError('VALIDATION', { zh: '不支持 UTF-16 编码的 CSV，请另存为 UTF-8 或 GBK', en: 'UTF-16 CSV files are not supported; save as UTF-8 or GBK' });
  }
  // No text in either encoding holds a NUL byte; images and programs do, early on.
  if (head.includes(0)) throw new AppError('VALIDATION', { zh: `“${fileName}”不是 CSV 文本文件（含有二进制数据）`, en: `"${fileName}" is not a CSV text file (it holds binary data)` });
  return 'csv';
}

/**
 * The encoding of a CSV: a UTF-8 byte-order mark, or bytes that are valid UTF-8, mean UTF-8;
 * anything else is read as GB18030 (which includes GBK and GB2312) – what Excel writes on a
 * Chinese Windows. The clerk sees a sample and can choose the other one.
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
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

/** The whole staged file in memory (an .xlsx is rewritten before it is read: xlsx-for-reading). */
async function wholeFile(staged: SheetSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(staged.source)) parts.push(part);
  return Buffer.concat(parts);
}

/**
 * The rows of a sheet as text, header first, streamed: a CSV through the chosen encoding, an
 * .xlsx's first worksheet. Each row comes with its number as a spreadsheet shows it (the header
 * is row 1); empty rows are left out. Read under the sheet's limits (sheet-limits): a file with
 * bytes not in its encoding, a cell or row too long, or a damaged file is refused, by row and
 * column where there is one.
 */
export async function* readRows(staged: SheetSource, encoding: ImportEncoding | null): AsyncGenerator<SheetRow> {
  const rows = staged.format === 'xlsx' ? xlsxRows(await wholeFile(staged)) : csvRows(() => readStagedFile(staged.source), encoding ?? 'utf-8');
  for await (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    yield row;
  }
}

/** Lines of a CSV, counted on the bytes: the number of rows unless cells hold line breaks. */
export async function countLines(staged: SheetSource): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of readStagedFile(staged.source)) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? lines : lines + 1;
}
