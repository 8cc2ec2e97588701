import type { ExportFile } from '../../../../shared/contract';
import { fileStamp, formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { createPdfWriter } from '../../pdf/create-pdf-writer';
import { REGISTER_NOTICE } from '../../registers/register-spec';
import { exportedBy, watermarkText } from '../exports/watermark';
import { assertReadsInspections, requireInspection } from './inspection-access';
import { inspectionTarget, inspectionView } from './inspection-view';
import { inspectionRecordModel, type InspectionRecordModel } from './record-model';

const SIGNATURES = ['检查人', '档案室负责人'];

async function recordPdf(model: InspectionRecordModel, meta: { company: string; printed: string; author: string; watermark: string }): Promise<Uint8Array> {
  const writer = await createPdfWriter(
    { title: [meta.company, model.title].filter(Boolean).join(' '), caption: meta.company, head: { title: model.title, lines: [] }, foot: meta.printed, marking: null, notice: REGISTER_NOTICE, watermark: null },
    { author: meta.author, subject: model.lines[0] ?? model.title },
  );
  for (const line of model.lines) writer.paragraph(line, 10);
  writer.gap(6);
  writer.heading('一、检查项目', 12);
  writer.table(
    [
      { title: '检查项目', weight: 16 },
      { title: '读数', weight: 10, align: 'center' },
      { title: '结果', weight: 8, align: 'center' },
      { title: '情况说明', weight: 40 },
    ],
    model.checkRows,
    { ruled: true, size: 9 },
  );
  writer.gap(6);
  writer.heading('二、档案问题与修复', 12);
  if (model.findingRows.length === 0) writer.paragraph('未发现需要修复的档案。', 10);
  else
    writer.table(
      [
        { title: '序号', weight: 5, align: 'center' },
        { title: '档号', weight: 16 },
        { title: '案卷题名', weight: 20 },
        { title: '密级', weight: 7, alert: true },
        { title: '问题', weight: 9 },
        { title: '情况说明', weight: 18 },
        { title: '修复', weight: 25 },
      ],
      model.findingRows,
      { ruled: true, size: 9 },
    );
  writer.gap(14);
  writer.signatureLines(SIGNATURES);
  writer.stamp({ marking: model.marking, watermark: model.classified ? meta.watermark : null });
  return writer.save();
}

/**
 * The printable inspection record (open: so far; finished: as recorded) with the findings the
 * printer may see; a record listing classified dossiers carries the export's watermark and the
 * highest marked level. Recorded like a register export.
 */
export async function printInspectionRecord(ctx: HandlerContext, input: { id: number }): Promise<ExportFile> {
  assertReadsInspections(ctx);
  const session = ctx.session();
  const record = requireInspection(session.archive.database.db, input.id);
  const view = inspectionView(ctx, record);
  const model = inspectionRecordModel(view, session.settings.levels);
  const now = ctx.env.now();
  const bytes = await recordPdf(model, { company: session.settings.companyName, printed: `打印：${exportedBy(session)}，${formatLocalDateTime(now)}`, author: exportedBy(session), watermark: watermarkText(session, now) });
  return ctx.write(() => ({ fileName: `${model.title}-${record.id}-${fileStamp(now)}.pdf`, mimeType: 'application/pdf', bytes }), {
    action: 'inspection:print',
    target: inspectionTarget(record.id, view.place),
    summary: { findings: model.findingRows.length, bytes: bytes.length },
  });
}
