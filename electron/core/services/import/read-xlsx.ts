import type ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/errors';
import { checkRow, checkWidth, isEmptyRow, type SheetRow } from './sheet-limits';
import { xlsxForReading } from './xlsx-for-reading';
import { xlsxDamaged } from './xlsx-text-limiter';
import { loadExcel } from '../../registers/load-excel';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel dates carry no time zone; exceljs hands them over as midnight UTC of that day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * The rows of an .xlsx's first worksheet as text (dates as YYYY-MM-DD, formulas by their results),
 * each with its number as Excel shows it, measured against the sheet's limits before it is handed
 * on. A file exceljs cannot make sense of is refused as damaged, never with the reader's own error.
 */
export async function* xlsxRows(bytes: Buffer): AsyncGenerator<SheetRow> {
  const { stream, sharedStrings } = await xlsxForReading(bytes);
  let header: SheetRow | null = null;
  try {
    const { stream: streaming } = await loadExcel();
    const reader = new streaming.xlsx.WorkbookReader(stream, { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
    // exceljs looks a cell's shared string up in this (undocumented) property of its reader; the
    // table read within the workbook's limits takes the place of its own (see shared-strings.ts).
    Object.assign(reader, { sharedStrings });
    for await (const worksheet of reader) {
      for await (const { number, values } of worksheet as AsyncIterable<ExcelJS.Row>) {
        // exceljs counts columns from 1: index 0 is always empty.
        const cellValues = Array.isArray(values) ? values.slice(1) : [];
        checkWidth(number, cellValues.length);
        const row = { line: number, cells: Array.from(cellValues, cellText) };
        checkRow(row, header);
        row.cells = row.cells.map((cell) => cell.trim());
        if (header === null && !isEmptyRow(row.cells)) header = row;
        yield row;
      }
      return; // the first worksheet only
    }
  } catch (error) {
    throw error instanceof AppError ? error : xlsxDamaged(error);
  } finally {
    stream.destroy();
  }
}
