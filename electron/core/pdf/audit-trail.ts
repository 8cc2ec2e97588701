import type { AuditEventView } from '../../../shared/contract';
import { auditActionLabel } from '../../../shared/audit-actions';
import { createPdfWriter } from './create-pdf-writer';

export interface AuditTrailInput {
  events: readonly AuditEventView[];
  /** The filter in words, printed under the heading. */
  filter: string;
  /** The chain head at export time, so the printout can serve as an anchor. */
  head: string | null;
  watermark: string;
  exportedBy: string;
  exportedAt: string;
}

export const auditColumns = ['序号', '时间', '用户', '部门', '操作', '对象', '内容摘要', '入口'] as const;

/** One row of the audit table, the same in PDF and CSV. */
export function auditRow(event: AuditEventView, formatTime: (iso: string) => string): string[] {
  return [
    String(event.id),
    formatTime(event.at),
    event.user ? `${event.user.displayName}（${event.user.login}）` : '—',
    event.user?.department ?? '',
    auditActionLabel(event.action, 'zh'),
    event.target ? (event.target.label ?? `${event.target.type} ${event.target.id}`) : '',
    event.description.zh,
    event.frontDoor === 'cli' ? '命令行' : '界面',
  ];
}

export async function renderAuditTrail(input: AuditTrailInput, formatTime: (iso: string) => string): Promise<Uint8Array> {
  const writer = await createPdfWriter(
    { title: '审计记录', marking: null, notice: '内部资料，严禁外传', watermark: input.watermark, landscape: true },
    { author: input.exportedBy, subject: '审计记录导出' },
  );
  writer.heading('审计记录');
  writer.paragraph(`筛选：${input.filter}；共 ${input.events.length} 条。导出：${input.exportedBy}，${input.exportedAt}`, 9);
  if (input.head) writer.paragraph(`导出时审计链头（可作为锚点，用 verify --anchor 核对）：${input.head}`, 8);
  writer.table(
    [
      { title: auditColumns[0], weight: 5 },
      { title: auditColumns[1], weight: 13 },
      { title: auditColumns[2], weight: 14 },
      { title: auditColumns[3], weight: 6 },
      { title: auditColumns[4], weight: 11 },
      { title: auditColumns[5], weight: 13 },
      { title: auditColumns[6], weight: 32 },
      { title: auditColumns[7], weight: 6 },
    ],
    input.events.map((event) => auditRow(event, formatTime)),
  );
  return writer.save();
}
