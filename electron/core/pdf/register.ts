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
  type RegisterRow,
  type RegisterSpec,
  type RegisterTotals,
} from '../registers/register-spec';
import { printedValue } from '../registers/register-values';
import { registerLayout } from './register-layout';
import { PdfWriter, signatureHeight, type Column } from './pdf-writer';
import type { TypefaceName } from './typeface';

const SUMMARY_SIZE = 9.5;
const CLOSING_GAP = 6;

/**
 * A register printed for auditors: A4 (landscape when its columns need the width), on every page
 * the company's name, the register's name and period, 内部资料，严禁外传, who printed it when and
 * 第 x 页 共 y 页; the filters under the heading; a ruled table whose header repeats on each page,
 * with a 密级 column that names the level of classified entries in red; a totals line, the summary,
 * and lines for the reviewer and the approver to sign and date. The highest marked level listed
 * (机密, 绝密) is marked on every page, and a register listing classified entries carries the
 * export's watermark, as the catalogue does. Rows stream through: a register of any length is
 * held as the pages written so far, never as a list of its rows.
 */
export async function renderRegisterPdf(spec: RegisterSpec, typeface: TypefaceName = 'cjk'): Promise<Uint8Array> {
  const layout = registerLayout(spec.columns, spec.orientation);
  const columns: Column[] = [
    ...spec.columns.map((column) => ({ title: column.title, weight: column.weight, align: column.align ?? defaultAlign(column.type) })),
    { title: LEVEL_COLUMN_TITLE, weight: layout.levelWeight, align: 'center', alert: true },
  ];
  const writer = await PdfWriter.create(
    {
      title: [spec.companyName, spec.name].filter(Boolean).join(' '),
      caption: spec.companyName,
      head: { title: spec.name, lines: [periodLine(spec)] },
      foot: printedLine(spec),
      marking: null,
      notice: REGISTER_NOTICE,
      watermark: null,
      landscape: layout.landscape,
    },
    { author: spec.printedBy, subject: `${spec.name} ${periodLine(spec)}` },
    typeface,
  );
  if (spec.filters) writer.paragraph(`筛选：${spec.filters}`, 9);
  const table = writer.beginTable(columns, { ruled: true });
  const counter = new TotalsCounter(spec.columns);
  const cells = (row: RegisterRow) => [...spec.columns.map((column, i) => printedValue(row.cells[i], column.type)), row.level?.name ?? ''];
  // Each entry is written when the next one comes: the last entry and the totals are kept on the
  // page of the summary and the signatures, so that these never stand on a page of their own.
  let pending: string[] | null = null;
  for (const row of spec.rows) {
    counter.add(row);
    if (pending) table.row(pending);
    pending = cells(row);
  }
  const { totals } = counter;
  const summary = (spec.summary ?? defaultSummary)(totals);
  const signatures = spec.signatures ?? DEFAULT_SIGNATURES;
  const closing = CLOSING_GAP + summary.reduce((height, line) => height + writer.paragraphHeight(line, SUMMARY_SIZE), 0) + (signatures.length > 0 ? signatureHeight() : 0);
  const sums = totalsRow(spec.columns, totals);
  if (pending) table.row(pending, { keep: closing + (sums ? table.height(sums, { bold: true }) : 0) });
  if (sums) table.row(sums, { bold: true, keep: closing });
  table.end();
  writer.gap(CLOSING_GAP);
  for (const line of summary) writer.paragraph(line, SUMMARY_SIZE);
  if (signatures.length > 0) writer.signatureLines(signatures);
  writer.stamp({ marking: counter.marking, watermark: totals.classified > 0 ? spec.watermark : null });
  return writer.save();
}

/** 合计 and the sums under their columns; null when no column is summed. */
function totalsRow(columns: readonly RegisterColumn[], totals: RegisterTotals): string[] | null {
  const first = columns.findIndex((column) => column.total);
  if (first < 0) return null;
  const cells = columns.map((column, i) => (column.total ? printedValue(totals.sums[i], column.type) : ''));
  cells[0] = first > 0 ? '合计' : `合计 ${cells[0] ?? ''}`;
  return [...cells, ''];
}
