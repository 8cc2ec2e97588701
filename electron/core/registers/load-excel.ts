import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded when a spreadsheet is first read or written: it takes about 0.4 s to load, which
 * every start of the program (each command-line call among them) paid before, though few need it.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
