import { lastAuditEvent } from '../../../../db/repositories/audit';
import type { AuditFilter, ExportFile } from '../../../../shared/contract';
import { fileStamp, formatLocalDateTime, formatLocalTimestamp } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { toCsv } from '../../fs/csv';
import { auditColumns, auditRow, renderAuditTrail } from '../../pdf/audit-trail';
import { exportedBy, watermarkText } from '../exports/watermark';
import { allAuditEvents } from './read-audit';

/** The filtered trail as CSV (for Excel) or PDF (watermarked, with the chain head as an anchor). */
export async function exportAudit(ctx: HandlerContext, input: AuditFilter & { format: 'csv' | 'pdf' }): Promise<ExportFile> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const { format, ...filter } = input;
  const events = allAuditEvents(db, session, filter);
  const now = ctx.env.now();
  const stamp = fileStamp(now);
  const time = (iso: string) => formatLocalTimestamp(new Date(iso));
  let file: ExportFile;
  if (format === 'csv') {
    file = { fileName: `审计记录-${stamp}.csv`, mimeType: 'text/csv', bytes: toCsv(auditColumns, events.map((e) => auditRow(e, time))) };
  } else {
    const head = lastAuditEvent(db);
    file = {
      fileName: `审计记录-${stamp}.pdf`,
      mimeType: 'application/pdf',
      bytes: await renderAuditTrail(
        {
          events,
          filter: describeFilter(filter),
          head: head ? `${head.id}:${head.hash}` : null,
          watermark: watermarkText(session, now),
          exportedBy: exportedBy(session),
          exportedAt: formatLocalDateTime(now),
        },
        time,
      ),
    };
  }
  return ctx.write(() => file, { action: 'audit:export', summary: { format, filter, events: events.length } });
}

export function describeFilter(filter: AuditFilter): string {
  const parts = [
    filter.from || filter.to ? `时间 ${filter.from ?? '…'} 至 ${filter.to ?? '…'}` : null,
    filter.user ? `用户 ${filter.user}` : null,
    filter.action ? `操作 ${filter.action}` : null,
    filter.archiveNumber ? `档号 ${filter.archiveNumber}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('，') : '全部';
}
