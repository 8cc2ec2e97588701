import type { Command } from 'commander';
import { auditActionLabel } from '../../../shared/audit-actions';
import type { AuditEventView, AuditFilter } from '../../../shared/contract';
import { formatLocalTimestamp } from '../../../shared/time';
import { allPages } from '../all-pages';
import { EXIT } from '../exit-codes';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';
import { collectAnchor, formatReport } from './archive';

function line(event: AuditEventView): string {
  return [
    event.id,
    formatLocalTimestamp(new Date(event.at)),
    event.user ? `${event.user.login}(${event.user.department ?? '-'})` : '-',
    event.action,
    auditActionLabel(event.action, 'zh'),
    event.target?.label ?? '',
    event.description.zh,
    event.frontDoor,
  ].join('\t');
}

function allEvents(session: CliSession, filter: AuditFilter): Promise<AuditEventView[]> {
  return allPages((cursor, size) => session.call('audit:list', { ...filter, limit: size, ...(cursor ? { cursor } : {}) }), 500);
}

export function registerAuditCommands(program: Command, run: Run, userFilter: string | undefined): void {
  const audit = program.command('audit').description('审计记录 / audit trail');

  audit
    .command('list')
    .description('列出审计事件（最新在前） / list audit events, newest first')
    .option('--from <date>', '起始日期 YYYY-MM-DD / from this day')
    .option('--to <date>', '截止日期 YYYY-MM-DD（含） / up to and including this day')
    .option('--user <login>', '按用户（写在 list 之后；登录用户用全局 --user 写在 audit 之前或 DOSSIERDESK_USER） / by user (after list; the sign-in user goes before audit or in DOSSIERDESK_USER)')
    .option('--action <action>', '按操作，如 dossier:create / by action, e.g. dossier:create')
    .option('--dossier <archive-number>', '按档号 / by archive number')
    .action(run(async (session, options: { from?: string; to?: string; action?: string; dossier?: string }) => {
      await session.signIn();
      const filterUser = userFilter;
      const filter: AuditFilter = {
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(filterUser ? { user: filterUser } : {}),
        ...(options.action ? { action: options.action } : {}),
        ...(options.dossier ? { archiveNumber: options.dossier } : {}),
      };
      const events = await allEvents(session, filter);
      await session.show(events, (shown) => (shown.length ? shown.map(line).join('\n') : '（无事件 / no events）'));
    }));

  audit
    .command('verify')
    .description('重新计算审计哈希链；完好时退出码为 0，否则指出第一条被破坏的事件 / recompute the audit hash chain; exit 0 when intact, else name the first broken event')
    .option('--anchor <id:hash>', '之前记下的审计链头，可多次指定 / an audit head written down earlier; repeatable', collectAnchor, [])
    .action(run(async (session, options: { anchor: { id: number; hash: string }[] }) => {
      await session.signIn();
      const report = await session.call('archive:verify', options.anchor.length ? { anchors: options.anchor } : {});
      const trail = report.checks.filter((c) => c.name === 'audit-trail');
      const ok = trail.every((c) => c.ok);
      session.print(formatReport({ ok, checks: trail, auditHead: report.auditHead, damagedStructures: [], damagedScans: [] }), { ok, checks: trail, auditHead: report.auditHead });
      return ok ? EXIT.ok : EXIT.failure;
    }));
}
