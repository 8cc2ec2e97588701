import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { BackupCheck, BackupSummary } from '../../../shared/contract';
import { formatLocalDateTime } from '../../../shared/time';
import { EXIT } from '../exit-codes';
import type { Run } from '../program';
import { stageFileFromPath } from '../stage-file';

export function registerBackupCommands(program: Command, run: Run): void {
  const backup = program.command('backup').description('备份档案库（数据库、密钥槽和全部扫描件，加密）并检验备份 / back up the archive (database, key slots and every scan, encrypted) and check backups');

  backup
    .command('create')
    .description('立即备份到文件夹（另一块磁盘、U 盘或网络共享），写完后立即检验；检验通过时退出码为 0 / take a backup into a folder now and check it at once; exit 0 only when the check passed')
    .requiredOption('--to <dir>', '备份文件夹 / backup folder')
    .action(run(async (session, options: { to: string }) => {
      await session.signIn();
      const taken = await session.call('backup:create', { folder: resolve(options.to) });
      const head = taken.ok ? `已备份并检验通过 / backup taken and checked: ${taken.folder}/${taken.fileName}` : `备份未通过检验，不计为有效备份 / THE BACKUP FAILED ITS CHECK and does not count: ${taken.folder}/${taken.fileName}`;
      session.print([head, `大小 / size: ${taken.size} B   SHA-256: ${taken.sha256}`, summaryText(taken.summary), ...checkLines(taken.checks)].join('\n'), taken);
      return taken.ok ? EXIT.ok : EXIT.failure;
    }));

  backup
    .command('list')
    .description('列出文件夹中的备份（最新在前）及审计记录中的检验结果 / list the backups in a folder, newest first, with what the audit trail recorded')
    .argument('<dir>', '备份文件夹 / backup folder')
    .action(run(async (session, dir: string) => {
      await session.signIn();
      const listing = await session.call('backup:list', { folder: resolve(dir) });
      await session.show(listing, (shown) =>
        shown.backups.length === 0
          ? `${shown.folder}：没有备份 / no backups`
          : shown.backups
              .map((b) => `${b.fileName}  ${b.size} B  ${b.recorded ? `${b.recorded.ok ? '检验通过 / checked good' : '未通过检验 / FAILED its check'}（${b.recorded.takenBy}，${formatLocalDateTime(new Date(b.recorded.takenAt))}）` : '审计记录中没有 / not in the audit trail'}`)
              .join('\n'),
      );
    }));

  backup
    .command('verify')
    .description('恢复演练：把备份解开到临时位置并检验（校验值、数量、审计链头、数据库）；全部通过时退出码为 0 / restore drill: unpack the backup into a temporary place and check it; exit 0 only when all passed')
    .argument('<file>', '备份文件（.ddbackup） / backup file')
    .action(run(async (session, file: string) => {
      await session.signIn();
      const checked = await session.call('backup:verify', { file: resolve(file) });
      const head = checked.ok ? `备份完好，可以恢复 / the backup is sound and can be restored: ${checked.fileName}` : `备份未通过检验 / THE BACKUP FAILED ITS CHECK: ${checked.fileName}`;
      session.print([head, ...(checked.summary ? [summaryText(checked.summary)] : []), ...checkLines(checked.checks)].join('\n'), checked);
      return checked.ok ? EXIT.ok : EXIT.failure;
    }));

  program
    .command('restore')
    .description('把备份恢复到空的数据文件夹（--data-dir），用该档案库的登录名和密码打开，之后立即 verify / restore a backup into an empty data folder (--data-dir), opened with a login and password of its archive; verify runs at once')
    .argument('<file>', '备份文件（.ddbackup） / backup file')
    .action(run(async (session, file: string) => {
      const staged = await stageFileFromPath(session, file, 'restore');
      const restored = await session.call('archive:restore', { stagedFileId: staged.stagedFileId, login: session.userName(), password: await session.password() });
      session.print(
        [
          `已恢复到 / restored into: ${session.dataDir}`,
          summaryText(restored.summary),
          `此后的更改不在其中：请核对备份时间之后登记的档案和发出的档号 / changes made after it are not in it: check the dossiers and archive numbers after the time it was taken`,
          ...restored.report.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.message} / ${c.messageEn}`),
        ].join('\n'),
        restored,
      );
      return restored.report.ok ? EXIT.ok : EXIT.failure;
    }));
}

function summaryText(summary: BackupSummary): string {
  const { counts } = summary;
  const lost = summary.missingScans + summary.damagedScans > 0 ? `\n注意 / note: 备份时已缺失 ${summary.missingScans} 个、已损坏 ${summary.damagedScans} 个扫描文件 / ${summary.missingScans} scan(s) already missing and ${summary.damagedScans} damaged when it was taken` : '';
  return `备份时间 / taken: ${formatLocalDateTime(new Date(summary.takenAt))}（${summary.takenBy}）  档案 / dossiers: ${counts.dossiers}  卷内文件 / documents: ${counts.documents}  扫描文件 / scan files: ${counts.scanFiles}  审计事件 / audit events: ${counts.auditEvents}${lost}`;
}

function checkLines(checks: readonly BackupCheck[]): string[] {
  return checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.message} / ${c.messageEn}`);
}
