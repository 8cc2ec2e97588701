import type { ExportFile } from '../../../../shared/contract';
import { destructionMethodLabels } from '../../../../shared/disposal';
import { retentionLabel, type Retention } from '../../../../shared/dossier-types';
import type { ConfidentialityLevel } from '../../../../shared/levels';
import { roleLabels } from '../../../../shared/permissions';
import { fileStamp, formatLocalDateTime } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { createPdfWriter } from '../../pdf/create-pdf-writer';
import { LevelMarking } from '../../registers/level-marking';
import { REGISTER_NOTICE } from '../../registers/register-spec';
import { exportedBy, watermarkText } from '../exports/watermark';
import { readableList, type ListState } from './list-access';

const TITLE = '档案销毁清册';
const COLUMNS = [
  { title: '序号', weight: 5, align: 'right' as const },
  { title: '档号', weight: 17 },
  { title: '题名', weight: 30 },
  { title: '保管期限', weight: 8, align: 'center' as const },
  { title: '保管起止', weight: 19, align: 'center' as const },
  { title: '页数', weight: 6, align: 'right' as const },
  { title: '销毁理由', weight: 24 },
];
const decisionWords = { approve: '同意', reject: '不同意' } as const;

/** The highest marked level among the listed dossiers (printed on every page), and whether any is classified. */
function markingOf(state: ListState, levels: readonly ConfidentialityLevel[]): { marking: string | null; classified: boolean } {
  const marking = new LevelMarking(levels);
  for (const item of state.items) marking.cell(item.level);
  return { marking: marking.marking, classified: marking.classified };
}

async function listPdf(state: ListState, meta: { company: string; printed: string; author: string; watermark: string; levels: readonly ConfidentialityLevel[] }): Promise<Uint8Array> {
  const { list, destruction } = state;
  const pages = state.items.reduce((sum, item) => sum + item.pages, 0);
  const writer = await createPdfWriter(
    { title: [meta.company, TITLE].filter(Boolean).join(' '), caption: meta.company, head: { title: TITLE, lines: [`清册编号：${list.number}`] }, foot: meta.printed, marking: null, notice: REGISTER_NOTICE, watermark: null, landscape: true },
    { author: meta.author, subject: `${TITLE} ${list.number}` },
  );
  writer.paragraph(`编制：${list.createdBy.displayName}，${formatLocalDateTime(new Date(list.createdAt))}；销毁方式：${destructionMethodLabels[list.method].zh}；共 ${state.items.length} 卷，${pages} 页（扫描件）`, 10);
  writer.gap(4);
  writer.table(
    COLUMNS,
    state.items.map((item, i) => [String(i + 1), item.archiveNumber, item.title, retentionLabel(JSON.parse(item.retention) as Retention), `${item.periodFrom} 至 ${item.dueOn}`, String(item.pages), item.reason]),
    { ruled: true, size: 9 },
  );
  writer.gap(8);
  const approvals = list.route.map((role, step): readonly [string, string] => {
    const decided = state.approvals.find((a) => a.step === step);
    return [`审批（${roleLabels[role].zh}）`, decided ? `${decided.approver.displayName} ${decisionWords[decided.decision]}${decided.comment ? `（${decided.comment}）` : ''}，${formatLocalDateTime(new Date(decided.decidedAt))}` : '待审批'];
  });
  writer.keyValues([
    ...approvals,
    ['销毁日期', destruction?.destroyedOn ?? '未执行'],
    ['执行人', destruction?.carriedOutBy.displayName ?? ''],
    ['监销人', destruction ? `${destruction.witnesses.map((w) => w.displayName).join('、')}（已凭本人密码确认）` : ''],
  ]);
  writer.gap(6);
  writer.paragraph('销毁的档案保留目录记录（状态“已销毁”及本清册编号），其扫描件已从档案库删除。档案不得作为废品出售。', 9);
  writer.gap(6);
  writer.signatureLines(['执行人', '监销人', '监销人']);
  writer.stamp(markingOf(state, meta.levels).classified ? { marking: markingOf(state, meta.levels).marking, watermark: meta.watermark } : { marking: null, watermark: null });
  return writer.save();
}

/** The destruction list as PDF, as it stands (approvals, witnesses, the day carried out); printing is audited. */
export async function printDestructionList(ctx: HandlerContext, id: number): Promise<ExportFile> {
  const session = ctx.session();
  const state = readableList(ctx, id);
  const now = ctx.env.now();
  const bytes = await listPdf(state, { company: session.settings.companyName, printed: `打印：${exportedBy(session)}，${formatLocalDateTime(now)}`, author: exportedBy(session), watermark: watermarkText(session, now), levels: session.settings.levels });
  return ctx.write(() => ({ fileName: `${TITLE}-${state.list.number}-${fileStamp(now)}.pdf`, mimeType: 'application/pdf', bytes }), {
    action: 'disposal:print',
    target: { type: 'destruction-list', id: state.list.id, label: state.list.number },
    summary: { dossiers: state.items.length, bytes: bytes.length },
  });
}
