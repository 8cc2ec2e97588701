import { scansOf } from '../../../../db/repositories/stocktakes';
import type { ExportFile } from '../../../../shared/contract';
import { fileStamp, formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { startSheet } from '../../fs/xlsx-sheet';
import { createPdfWriter } from '../../pdf/create-pdf-writer';
import { REGISTER_NOTICE } from '../../registers/register-spec';
import { visibilityOf } from '../access/visibility';
import { exportedBy, watermarkText } from '../exports/watermark';
import { placeScope } from './place-scope';
import { stocktakeReport, type StocktakeReport } from './report-model';
import { assertReadsStocktakes, requireStocktake } from './stocktake-access';
import { scanView, stocktakeView } from './stocktake-view';

const SIGNATURES = ['盘点人', '复核人'];

async function reportPdf(report: StocktakeReport, meta: { company: string; printed: string; author: string; watermark: string }): Promise<Uint8Array> {
  const writer = await createPdfWriter(
    { title: [meta.company, report.title].filter(Boolean).join(' '), caption: meta.company, head: { title: report.title, lines: [] }, foot: meta.printed, marking: null, notice: REGISTER_NOTICE, watermark: null, landscape: true },
    { author: meta.author, subject: report.lines[0] ?? report.title },
  );
  for (const line of report.lines) writer.paragraph(line, 10);
  writer.gap(4);
  writer.table(
    report.columns.map((c) => ({ title: c.title, weight: c.weight, ...(c.align ? { align: c.align } : {}), ...(c.title === '密级' ? { alert: true } : {}) })),
    report.rows,
    { ruled: true, size: 9 },
  );
  writer.gap(10);
  writer.signatureLines(SIGNATURES);
  writer.stamp({ marking: report.marking, watermark: report.classified ? meta.watermark : null });
  return writer.save();
}

function reportXlsx(report: StocktakeReport, meta: { printed: string; author: string; watermark: string }): Uint8Array {
  const sheet = startSheet({ sheetName: report.title, title: report.title, lines: report.lines, columns: report.columns.map((c) => ({ title: c.title, chars: c.chars, wrap: c.weight >= 24, ...(c.title === '序号' ? { numeric: true } : {}) })), creator: meta.author });
  for (const row of report.rows) sheet.row(row);
  return sheet.finish({ lines: [meta.printed, ...SIGNATURES.map((s) => `${s}：____________  日期：____________`)], pageHeader: report.classified ? meta.watermark : null, subject: report.lines[0] ?? report.title, keywords: '盘点' });
}

const mimeTypes = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The stocktake report (open: so far; finished: as closed) with the dossiers the reader may see;
 * classified rows name their level, the highest marked level marks every page, and a report
 * listing classified dossiers carries the export's watermark. Recorded like a register export.
 */
export async function exportStocktakeReport(ctx: HandlerContext, input: { id: number; format: 'pdf' | 'xlsx' }): Promise<ExportFile> {
  assertReadsStocktakes(ctx);
  const session = ctx.session();
  const { db } = session.archive.database;
  const record = requireStocktake(db, input.id);
  const scope = placeScope(db, record.locationId);
  const visibility = visibilityOf(db, session);
  const view = stocktakeView(db, record, scope, visibility);
  const scans = scansOf(db, record.id, visibility, { newestFirst: false }).map((scan) => scanView(db, scope, scan, record.id));
  const report = stocktakeReport(view, scans, session.settings.levels);
  const now = ctx.env.now();
  const meta = { company: session.settings.companyName, printed: `打印：${exportedBy(session)}，${formatLocalDateTime(now)}`, author: exportedBy(session), watermark: watermarkText(session, now) };
  const bytes = input.format === 'pdf' ? await reportPdf(report, meta) : reportXlsx(report, meta);
  return ctx.write(
    () => ({ fileName: `${report.title}-${record.id}-${scope.place.fullCode}-${fileStamp(now)}.${input.format}`, mimeType: mimeTypes[input.format], bytes }),
    { action: 'stocktake:report', target: { type: 'stocktake', id: record.id }, summary: { format: input.format, rows: report.rows.length, bytes: bytes.length } },
  );
}
