import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { BackupChecked } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { isBackupFileName } from '../../backup/backup-format';
import { checkFolder } from '../../backup/backup-leftovers';
import { runBackupJob } from '../../backup/backup-thread';
import type { CheckedBackup } from '../../backup/check-backup';
import type { HandlerContext } from '../../context';
import { backupFolder } from './backup-folder';
import { backupRecordCheck } from './backup-record';
import { checkKeys, checkedOf, failureText, whileUnderWay } from './backup-jobs';

/**
 * The restore drill: a backup of this archive unpacked into a temporary folder and checked as a
 * restored archive would be – every hash against its manifest, the counts and audit head against
 * what was taken, the database as `verify` checks it – on the backup thread. Recorded in the audit
 * trail, passed or failed; a backup that cannot be read at all is recorded as a failed drill too.
 */
export function verifyBackupThen<T>(ctx: HandlerContext, input: { file: string; reason: string }, then: (done: HandlerContext, outcome: { checked: BackupChecked } | { failed: AppError }) => T): T {
  const session = ctx.session();
  const file = resolve(input.file);
  const fileName = basename(file);
  const record = (done: HandlerContext, ok: boolean, extra: object) =>
    done.write(() => undefined, { action: 'backup:verify', target: { type: 'backup', id: fileName, label: fileName }, summary: { file, reason: input.reason, ok, ...extra } });
  try {
    backupFolder(dirname(file), ctx.env.paths.dataDir);
    if (!isBackupFileName(fileName) || !isFile(file)) throw new AppError('NOT_FOUND', { zh: `没有这个备份文件：${file}（备份文件以 .ddbackup 结尾）`, en: `There is no such backup file: ${file} (backups end in .ddbackup)` });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    record(ctx, false, { code: error.code, message: error.messageZh, messageEn: error.messageEn });
    return then(ctx, { failed: error });
  }
  const keys = checkKeys(session.archive, ctx.env);
  return ctx.outsideQueue(
    async () => {
      try {
        return await whileUnderWay(ctx.env.paths.dataDir, async (): Promise<{ checked: CheckedBackup } | { failed: AppError }> => {
          try {
            return { checked: checkedOf(await runBackupJob({ kind: 'check', source: { file }, folder: checkFolder(randomUUID()), keys })) };
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            return { failed: error };
          }
        });
      } finally {
        keys.dataKey.fill(0);
      }
    },
    (done, ran) => {
      if ('failed' in ran) {
        const text = failureText(ran.failed);
        record(done, false, { code: ran.failed.code, message: text.zh, messageEn: text.en });
        return then(done, { failed: ran.failed });
      }
      const asRecorded = ran.checked.summary ? backupRecordCheck(done.session().archive.database.db, dirname(file), fileName, ran.checked.summary) : null;
      const checks = asRecorded ? [...ran.checked.checks, asRecorded] : ran.checked.checks;
      const checked: BackupChecked = { fileName, ...ran.checked, ok: ran.checked.ok && (asRecorded?.ok ?? true), checks };
      const failedChecks = checked.checks.filter((c) => !c.ok);
      record(done, checked.ok, {
        backupId: checked.summary?.backupId ?? null,
        ...(failedChecks.length > 0 ? { failedChecks: failedChecks.map((c) => c.name), message: failedChecks.map((c) => c.message).join('；'), messageEn: failedChecks.map((c) => c.messageEn).join('; ') } : {}),
      });
      return then(done, { checked });
    },
  );
}

/** The drill asked for by hand: its result, or why the backup could not be checked at all (recorded first). */
export function verifyBackup(ctx: HandlerContext, input: { file: string }): BackupChecked {
  return verifyBackupThen(ctx, { file: input.file, reason: 'on-request' }, (_done, outcome) => {
    if ('failed' in outcome) throw outcome.failed;
    return outcome.checked;
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
