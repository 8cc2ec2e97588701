import { InvalidArgumentError, type Command } from 'commander';
import type { AuditAnchor, RepairedIndex, VerifyReport } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CliSession } from '../cli-session';
import { withSequence } from '../../../shared/dossier-types';
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
      await session.show({ dataDir: session.dataDir, admin: created.user }, (c) => `已创建档案库 / archive created: ${c.dataDir}\n管理员 / administrator: ${c.admin.login}`);
    }));

  program
    .command('status')
    .description('档案库位置、版本与数量 / archive path, format version and counts')
    .action(run(async (session) => {
      await session.signIn();
      const info = await session.call('archive:info', {});
      await session.show(info, (shown) =>
        [
          `数据文件夹 / data folder: ${shown.dataDir}`,
          `档案库编号 / archive id: ${shown.archiveId}`,
          `创建时间 / created: ${shown.createdAt}`,
          `数据库版本 / database version: ${shown.schemaVersion}`,
          `密钥槽格式 / key slot format: ${shown.keySlotFormatVersion}`,
          `用户 / users: ${shown.counts.activeUsers} 在用 active / ${shown.counts.users}`,
          `档案 / dossiers: ${shown.counts.dossiers}`,
          `审计事件 / audit events: ${shown.counts.auditEvents}`,
        ].join('\n'),
      );
    }));

  program
    .command('verify')
    .description('检查数据库完整性、密钥槽、审计记录和扫描件；全部完好时退出码为 0 / check database integrity, key slots, audit trail and scans; exit 0 only when all are intact')
    .option('--anchor <id:hash>', '之前记下的审计链头，可多次指定 / an audit head written down earlier; repeatable', collectAnchor, [])
    .action(run(async (session, options: { anchor: AuditAnchor[] }) => {
      await session.signIn();
      const report = await session.call('archive:verify', options.anchor.length ? { anchors: options.anchor } : {});
      session.print(formatReport(report), report);
      return report.ok ? EXIT.ok : EXIT.failure;
    }));

  program
    .command('repair-index')
    .description('只有索引损坏时（见 verify）从记录重建，替换损坏的数据库文件；之后需重新登录 / when verify finds only indexes damaged: rebuild them from the records in a repaired database that replaces the damaged file')
    .action(run(async (session) => {
      const repaired = (await signInRepairing(session)) ?? (await session.call('archive:repair-index', {}));
      session.print(
        `已重建索引（损坏的部分：${repaired.damaged.join('、')}；检索索引重新收录 ${repaired.dossiers} 份档案） / indexes rebuilt (damaged: ${repaired.damaged.join(', ')}; ${repaired.dossiers} dossiers indexed again for search)`,
        repaired,
      );
    }));

  program
    .command('accept-rollback')
    .description('确认接受已回退的档案库（丢失的文件无法放回时）：记录丢失的范围，档号不再重复使用 / accept that the archive was rolled back (when the lost files cannot be put back): the loss is recorded and no archive number is issued twice')
    .action(run(async (session) => {
      await session.signIn();
      const accepted = await session.call('archive:accept-rollback', {});
      const numbers = Object.entries(accepted.numbersAdvanced).map(([scope, value]) => withSequence(scope, value)).join(', ') || '—';
      session.print(`已接受回退（数据库至审计事件 ${accepted.databaseEventId}；之后的档号从以下档号之后继续：${numbers}） / rollback accepted (database up to audit event ${accepted.databaseEventId}; numbering goes on after: ${numbers})`, accepted);
    }));
}

/** Damage that refuses the sign-in itself is repaired while signing in; null when the sign-in went through. */
async function signInRepairing(session: CliSession): Promise<RepairedIndex | null> {
  try {
    await session.signIn();
    return null;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'ARCHIVE_DAMAGED')) throw error;
  }
  const signedIn = await session.signIn({ repairIndexes: true });
  return signedIn.repaired ?? null;
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
