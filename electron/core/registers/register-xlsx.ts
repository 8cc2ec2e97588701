import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from './load-excel';
import {
  DEFAULT_SIGNATURES,
  defaultAlign,
  defaultSummary,
  LEVEL_COLUMN_TITLE,
  periodLine,
  printedLine,
  REGISTER_NOTICE,
  TotalsCounter,
  type RegisterColumn,
  type RegisterSpec,
  type RegisterValueType,
} from './register-spec';
import { sheetValue } from './register-values';

/** Number formats by value type; text stays General (a formula-safe string). */
const FORMATS: Partial<Record<RegisterValueType, string>> = { day: 'yyyy-mm-dd', time: 'yyyy-mm-dd hh:mm', integer: '0', money: '#,##0.00' };
/** Columns at least this wide, in characters, so that a date never shows as ####. */
const MIN_CHARS: Record<RegisterValueType, number> = { text: 8, day: 12, time: 17, integer: 8, money: 12 };
/** The table's width in characters, spread over the columns by their weights. */
const TABLE_CHARS = { portrait: 110, landscape: 160 } as const;
/** Rows written between two pauses, in which the zip stream compresses what was written. */
const STEP = 500;

const FONT = { name: '等线', size: 10.5 } as const;
const TITLE_FONT = { ...FONT, size: 15, bold: true } as const;
const RED = 'FFC01A1A';
const THIN = { style: 'thin', color: { argb: 'FFA0A6B0' } } as const;
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER: Partial<ExcelJS.Style> = {
  font: { ...FONT, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEFF3' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BOX,
};
const LEVEL: Partial<ExcelJS.Style> = { font: { ...FONT, bold: true, color: { argb: RED } }, border: BOX, alignment: { horizontal: 'center', vertical: 'top' } };
const LEVEL_MARKED: Partial<ExcelJS.Style> = { ...LEVEL, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E3' } } };

function cellStyle(column: RegisterColumn, bold: boolean): Partial<ExcelJS.Style> {
  const format = FORMATS[column.type];
  return {
    font: { ...FONT, bold },
    border: BOX,
    alignment: { horizontal: column.align ?? defaultAlign(column.type), vertical: 'top', wrapText: column.type === 'text' },
    ...(format ? { numFmt: format } : {}),
  };
}

/**
 * The register as an .xlsx for auditors, the same spec as the PDF: a title block (company,
 * register, period, filters, printed by/at) over a frozen header row with a filter; typed cells –
 * numbers as numbers, days and times as real dates in a date format; a 密级 column naming the level
 * of classified entries in red; the totals, the summary and the signature lines under the table.
 * Printed like the PDF: A4 in the same orientation, the header row on every page, 第 x 页 共 y 页,
 * and – when classified entries are listed – the notice and the export's watermark at the top.
 *
 * Written with exceljs's streaming writer: each row is committed as it is written and the zip
 * stream compresses it during the pauses between steps, so only the compressed file is held.
 */
export async function renderRegisterXlsx(spec: RegisterSpec): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const { stream: streaming } = await loadExcel();
  const workbook = new streaming.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = spec.printedBy;
  workbook.title = [spec.companyName, spec.name].filter(Boolean).join(' ');
  workbook.subject = periodLine(spec);

  // Measured with the PDF's fonts (fontkit), loaded when a register is first written, not at every start.
  const { landscape } = (await import('../pdf/register-layout')).registerLayout(spec.columns, spec.orientation);
  const width = spec.columns.length + 1;
  const heading = [
    { text: spec.companyName, font: FONT },
    { text: spec.name, font: TITLE_FONT },
    { text: periodLine(spec), font: FONT },
    { text: spec.filters && `筛选：${spec.filters}`, font: FONT },
    { text: printedLine(spec), font: FONT },
  ].filter((line) => line.text !== '');
  const headerRow = heading.length + 2;
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
    headerFooter: { oddFooter: `&L${headerFooterText(printedLine(spec))}&R第 &P 页 共 &N 页` },
  });
  sheet.columns = columnWidths(spec, landscape ? TABLE_CHARS.landscape : TABLE_CHARS.portrait).map((chars) => ({ width: chars }));

  /** A line of text across the table's width. */
  const line = (text: string, font: Partial<ExcelJS.Font> = FONT) => {
    const added = sheet.addRow([text]);
    added.getCell(1).font = font;
    sheet.mergeCells(added.number, 1, added.number, width);
    added.commit();
  };
  const gap = () => sheet.addRow([]).commit();
  heading.forEach(({ text, font }) => line(text, font));
  gap();

  const header = sheet.addRow([...spec.columns.map((column) => column.title), LEVEL_COLUMN_TITLE]);
  header.eachCell((cell) => (cell.style = HEADER));
  header.commit();

  // One style object per kind of cell, shared: exceljs looks a shared style up once, not per cell.
  const entryStyles = spec.columns.map((column) => cellStyle(column, false));
  const totalStyles = spec.columns.map((column) => cellStyle(column, true));
  const typed = (values: readonly (string | number | Date | null)[], styles: readonly Partial<ExcelJS.Style>[], levelStyle: Partial<ExcelJS.Style>) => {
    const added = sheet.addRow([...values]);
    styles.forEach((style, i) => (added.getCell(i + 1).style = style));
    added.getCell(width).style = levelStyle;
    added.commit();
  };
  const counter = new TotalsCounter(spec.columns);
  let entries = 0;
  for (const entry of spec.rows) {
    counter.add(entry);
    typed([...spec.columns.map((column, i) => sheetValue(entry.cells[i], column.type)), entry.level?.name ?? null], entryStyles, entry.level ? LEVEL_MARKED : LEVEL);
    entries += 1;
    if (entries % STEP === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + entries, column: width } };
  const { totals } = counter;
  if (spec.columns.some((column) => column.total)) {
    const sums = spec.columns.map((column, i) => (column.total ? (totals.sums[i] ?? null) : null));
    typed([spec.columns[0]?.total ? (sums[0] ?? null) : '合计', ...sums.slice(1), null], totalStyles, LEVEL);
  }

  gap();
  for (const text of (spec.summary ?? defaultSummary)(totals)) line(text);
  gap();
  line((spec.signatures ?? DEFAULT_SIGNATURES).map((label) => `${label}：______________    日期：______年____月____日`).join('        '));

  const stamp = totals.classified > 0 ? [counter.marking, REGISTER_NOTICE, spec.watermark].filter(Boolean).join(' ') : REGISTER_NOTICE;
  sheet.headerFooter.oddHeader = `&C&K${RED.slice(2)}${headerFooterText(stamp)}`;
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Widths in characters: the weights' share of the table, no less than the type and the title need. */
function columnWidths(spec: RegisterSpec, tableChars: number): number[] {
  const total = spec.columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = spec.columns.map((column) => Math.max(MIN_CHARS[column.type], Math.min(Array.from(column.title).length * 2 + 2, 14), Math.round((column.weight / total) * tableChars)));
  return [...widths, 6];
}

/** Header and footer text: an ampersand starts a code there, so it is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}
