import type { FourCheckReport } from '../../../../shared/contract';
import { aspectLabels, checkAspects, checkItemLabels, documentWords } from '../../../../shared/four-check';
import { createPdfWriter } from '../../pdf/create-pdf-writer';
import { REGISTER_NOTICE } from '../../registers/register-spec';

const TITLE = '电子档案四性检测报告';
const SIGNATURES = ['检测人', '复核人'];

/** The report as PDF: the scope and verdict, one table row per check item, then each failed item's findings. */
export async function checkReportPdf(report: FourCheckReport, meta: { company: string; printed: string }): Promise<Uint8Array> {
  const writer = await createPdfWriter(
    { title: [meta.company, TITLE].filter(Boolean).join(' '), caption: meta.company, head: { title: TITLE, lines: [] }, foot: meta.printed, marking: null, notice: REGISTER_NOTICE, watermark: null },
    { author: report.checkedBy, subject: `${TITLE}：${report.scope.label}` },
  );
  writer.keyValues([
    ['检测范围', report.scope.label],
    ['检测依据', 'DA/T 70 真实性、完整性、可用性、安全性'],
    ['档案 / 文件 / 页', `${report.dossiers} 份 / ${report.files} 个 / ${report.pages} 页`],
    ['开始 / 结束', `${report.startedAt} / ${report.finishedAt}`],
    ['检测人', report.checkedBy],
    ['结论', report.ok ? '全部通过' : `不通过：${report.items.filter((i) => !i.ok).length} 项检测有问题`],
  ]);
  writer.gap(8);
  writer.table(
    [
      { title: '性质', weight: 8 },
      { title: '检测项', weight: 26 },
      { title: '检查数', weight: 8, align: 'right' },
      { title: '结果', weight: 10 },
      { title: '说明', weight: 40 },
    ],
    checkAspects.flatMap((aspect) =>
      report.items.filter((item) => item.aspect === aspect).map((item) => [aspectLabels[aspect].zh, checkItemLabels[item.key].zh, String(item.checked), item.ok ? '通过' : `不通过（${item.failures}）`, item.summary.slice(item.summary.indexOf('：') + 1)]),
    ),
    { ruled: true, size: 9 },
  );
  for (const item of report.items.filter((i) => !i.ok)) {
    writer.gap(10);
    writer.heading(`${aspectLabels[item.aspect].zh} · ${checkItemLabels[item.key].zh}：${item.failures} 处不通过`, 12);
    writer.table(
      [
        { title: '档号', weight: 20 },
        { title: '卷内文件', weight: 22 },
        { title: '问题', weight: 58 },
      ],
      item.findings.map((f) => [f.archiveNumber ?? '—', documentWords(f.document, 'zh') || '—', f.message]),
      { ruled: true, size: 9 },
    );
    if (item.failures > item.findings.length) writer.paragraph(`另有 ${item.failures - item.findings.length} 处未列出`, 9);
  }
  writer.gap(12);
  writer.signatureLines(SIGNATURES);
  return writer.save();
}
