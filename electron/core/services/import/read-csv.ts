import { pipeline, Readable } from 'node:stream';
import { CsvError, parse, type Options, type Parser } from 'csv-parse';
import type { ImportEncoding } from '../../../../shared/contract';
import { AppError, type Message } from '../../../../shared/errors';
import { capitalised, cellPlace, checkRow, isEmptyRow, rowTooLong, SHEET_LIMITS, type SheetRow } from './sheet-limits';
import { StrictText, type ByteSource } from './strict-text';

const ENCODING_NAMES: Record<ImportEncoding, { name: string; other: string }> = {
  'utf-8': { name: 'UTF-8', other: 'GB18030' },
  gb18030: { name: 'GB18030/GBK', other: 'UTF-8' },
};

/**
 * No row within the sheet's limits makes a longer line (its text, a comma and two quotes a cell,
 * quotes doubled); the text stops at one, before a parser makes millions of empty cells of it.
 */
const MAX_LINE = 4 * SHEET_LIMITS.rowChars;

const PARSING: Options = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: false,
  // In bytes of UTF-8, at most three a character: a longer row is over the limit, so the parser stops there.
  max_record_size: 3 * SHEET_LIMITS.rowChars,
};

function badBytes(place: Message, encoding: ImportEncoding): AppError {
  const { name, other } = ENCODING_NAMES[encoding];
  return new AppError('VALIDATION', {
    zh: `${place.zh}有不符合 ${name} 编码的字节：文件已损坏，或不是 ${name} 编码（可改选 ${other} 再试）；未导入任何数据`,
    en: `${capitalised(place.en)} holds bytes that are not valid ${name}: the file is damaged or not in ${name} (try ${other}); nothing was imported`,
  });
}

function misquoted(place: Message): AppError {
  return new AppError('VALIDATION', {
    zh: `${place.zh}的引号不成对或位置不对（CSV 格式有误）；未导入任何数据`,
    en: `${capitalised(place.en)}: a quote is misplaced or never closed (the CSV is malformed); nothing was imported`,
  });
}

function parsed(text: StrictText, options: Options = {}): Parser {
  const parser = parse({ ...PARSING, ...options });
  pipeline(Readable.from(text.chunks()), parser, () => undefined);
  return parser;
}

/**
 * The records of a CSV in its encoding, with their row numbers (every record counts, empty ones
 * too: a record is a row in Excel), each measured against the sheet's limits before it is handed
 * on – the parser and the text under it stop a row that outgrows them, so none fills the memory.
 * The first bytes not in the encoding are refused by their row and column. A record is handed
 * on once the next one is read, so the one such bytes cut short never is.
 */
export async function* csvRows(read: ByteSource, encoding: ImportEncoding): AsyncGenerator<SheetRow> {
  const text = new StrictText(read, encoding, MAX_LINE);
  const records = parsed(text);
  let header: SheetRow | null = null;
  let held: SheetRow | null = null;
  let line = 0;
  try {
    for await (const cells of records as AsyncIterable<string[]>) {
      if (held) yield held;
      line += 1;
      held = { line, cells };
      checkRow(held, header);
      if (header === null && !isEmptyRow(cells)) header = held;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = Number(error.records) + 1;
    throw parseFailure(error, text, row, header ?? (await headerBefore(read, encoding, row)), encoding);
  } finally {
    records.destroy();
  }
  if (text.stopped) {
    // The text stops at the start of a row, or inside the last one read – in its last cell.
    const atRowStart = held === null || text.lastChar === '\n' || text.lastChar === '\r';
    const row = atRowStart ? line + 1 : line;
    const column = atRowStart ? 0 : Math.max(0, (held?.cells.length ?? 1) - 1);
    throw text.stopped === 'bad-bytes' ? badBytes(cellPlace(row, column, header), encoding) : rowTooLong(row, column, header);
  }
  if (held) yield held;
}

function parseFailure(error: CsvError, text: StrictText, row: number, header: SheetRow | null, encoding: ImportEncoding): AppError {
  const column = Number(error.column);
  if (error.code === 'CSV_MAX_RECORD_SIZE') return rowTooLong(row, column, header);
  // Text that stopped inside quotes leaves them open: what stopped it is the fault.
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' && text.stopped === 'bad-bytes') return badBytes(cellPlace(row, column, header), encoding);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' && text.stopped === 'long-line') return rowTooLong(row, column, header);
  return misquoted(cellPlace(row, column, header));
}

/**
 * The header row before `row`, read again from the start: a parser that fails drops the records
 * it had not handed on yet, the header among them when the fault is in the rows right after it.
 */
async function headerBefore(read: ByteSource, encoding: ImportEncoding, row: number): Promise<SheetRow | null> {
  if (row <= 1) return null;
  let line = 0;
  for await (const cells of parsed(new StrictText(read, encoding, MAX_LINE), { to: row - 1 }) as AsyncIterable<string[]>) {
    line += 1;
    if (!isEmptyRow(cells)) return { line, cells };
  }
  return null;
}
