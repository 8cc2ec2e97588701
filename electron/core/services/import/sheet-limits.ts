import { AppError, type Message } from '../../../../shared/errors';
import { columnLetter } from '../../fs/column-letter';

/**
 * How much a sheet may hold, checked while it is read – so a runaway cell (a whole file pasted
 * into one, a damaged file) is refused by where it stands before it fills the import's memory.
 * A cell's length and the columns are Excel's own limits: no sheet a clerk saved holds more. The
 * fields a cell is imported into have their own, shorter limits (DOSSIER_LIMITS), which the
 * check reports row by row.
 */
export const SHEET_LIMITS = {
  /** Characters (UTF-16 code units, as Excel counts them) of one cell. */
  cellChars: 32_767,
  /** Characters of one row, all its cells together. */
  rowChars: 262_144,
  columns: 16_384,
} as const;

/** A row of a sheet as read: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}

const HEADER_SHOWN = 40;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Where a cell stands as the clerk finds it: its row and its column's letter, with the column's
 * header when the header row (the first row that is not empty) came before.
 */
export function cellPlace(row: number, column: number, header: SheetRow | null): Message {
  const title = header && header.line < row ? header.cells[column]?.trim().slice(0, HEADER_SHOWN) : undefined;
  return {
    zh: `第 ${row} 行 ${columnLetter(column)} 列${title ? `（${title}）` : ''}`,
    en: `row ${row}, column ${columnLetter(column)}${title ? ` (${title})` : ''}`,
  };
}

/** "row 5, …" at the start of a sentence. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function cellTooLong(place: Message): AppError {
  const { cellChars, rowChars } = SHEET_LIMITS;
  return new AppError('VALIDATION', {
    zh: `${place.zh}内容过长：每格最多 ${count(cellChars)} 字，每行最多 ${count(rowChars)} 字；未导入任何数据`,
    en: `${capitalised(place.en)} is too long: a cell holds at most ${count(cellChars)} characters and a row ${count(rowChars)}; nothing was imported`,
  });
}

function tooManyColumns(row: number): AppError {
  return new AppError('VALIDATION', { zh: `第 ${row} 行超过 ${count(SHEET_LIMITS.columns)} 列；未导入任何数据`, en: `Row ${row} has more than ${count(SHEET_LIMITS.columns)} columns; nothing was imported` });
}

/** A row whose reading stopped at `column` because it outgrew the limits there. */
export function rowTooLong(row: number, column: number, header: SheetRow | null): AppError {
  return column >= SHEET_LIMITS.columns ? tooManyColumns(row) : cellTooLong(cellPlace(row, column, header));
}

/** A row's width, before its cells are made (an .xlsx row holds where its last cell stands). */
export function checkWidth(row: number, width: number): void {
  if (width > SHEET_LIMITS.columns) throw tooManyColumns(row);
}

/** A row read, measured before it is handed on: the first cell over a limit is refused by its place. */
export function checkRow({ line, cells }: SheetRow, header: SheetRow | null): void {
  checkWidth(line, cells.length);
  let chars = 0;
  for (let column = 0; column < cells.length; column += 1) {
    const length = cells[column]?.length ?? 0;
    chars += length;
    if (length > SHEET_LIMITS.cellChars || chars > SHEET_LIMITS.rowChars) throw cellTooLong(cellPlace(line, column, header));
  }
}

/** The header is the first row that is not empty. */
export function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
