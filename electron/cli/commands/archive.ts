import { InvalidArgumentError, type Command } from 'commander';
import type { AuditAnchor, VerifyReport } from '../../../shared/contract';
import { EXIT } from '../exit-codes';
import type { Run } from '../program';

export function registerArchiveCommands(program: Command, run: Run): void {
  program
    .command('init')
    .description('创建新的档案库（不会覆盖已有档案库） / create a new archive (never overwrites one)')
    .requiredOption('--admin <login>', '管理员登录名 / administrator login name')
    .option('--display-name <name>', '管理员姓名 / administrator display name')
    .action(run(async (session, options: { admin: string; displayName?: string }) => {
      const created = await session.call('archive:create', {
        admin: { login: options.admin, displayName: options.displayName ?? options.admin, password: await session.password() },
      });
      session.print(`已创建档案库 / archive created: ${session.dataDir}\n管理员 / administrator: ${created.user.login}`, {
        dataDir: session.dataDir,
        admin: created.user,
      });
    }));

  program
    .command('status')
    .description('档案库位置、版本与数量 / archive path, format version and counts')
    .action(run(async (session) => {
      await session.signIn();
      const info = await session.call('archive:info', {});
      session.print(
        [
          `数据文件夹 / data folder: ${info.dataDir}`,
          `档案库编号 / archive id: ${info.archiveId}`,
          `创建时间 / created: ${info.createdAt}`,
          `数据库版本 / database version: ${info.schemaVersion}`,
          `密钥槽格式 / key slot format: ${info.keySlotFormatVersion}`,
          `用户 / users: ${info.counts.activeUsers} 在用 active / ${info.counts.users}`,
          `档案 / dossiers: ${info.counts.dossiers}`,
          `审计事件 / audit events: ${info.counts.auditEvents}`,
        ].join('\n'),
        info,
      );
    }));

  program
    .command('verify')
    .description('检查数据库完整性、密钥槽和审计记录；全部完好时退出码为 0 / check database integrity, key slots and audit trail; exit 0 only when all are intact')
    .option('--anchor <id:hash>', '之前记下的审计链头，可多次指定 / an audit head written down earlier; repeatable', collectAnchor, [])
    .action(run(async (session, options: { anchor: AuditAnchor[] }) => {
      await session.signIn();
      const report = await session.call('archive:verify', options.anchor.length ? { anchors: options.anchor } : {});
      session.print(formatReport(report), report);
      return report.ok ? EXIT.ok : EXIT.failure;
    }));
}

export function formatReport(report: VerifyReport): string {
  const lines = report.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.name}: ${c.message} / ${c.messageEn}`);
  if (report.auditHead) lines.push(`审计链头（请另行记下作为锚点） / audit head (write it down as an anchor): ${report.auditHead.id}:${report.auditHead.hash}`);
  lines.push(report.ok ? '档案库完好 / the archive is intact' : '档案库有问题，见上 / the archive has problems, see above');
  return lines.join('\n');
}

export function collectAnchor(value: string, previous: AuditAnchor[]): AuditAnchor[] {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected <event id>:<64 hex digits>, as printed by verify');
  return [...previous, { id: Number(match[1]), hash: match[2] ?? '' }];
}
