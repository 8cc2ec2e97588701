import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BackupTaken } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { backupFileName } from '../../backup/backup-format';
import { checkFolder } from '../../backup/backup-leftovers';
import { runBackupJob } from '../../backup/backup-thread';
import { summaryOf, type CheckedBackup } from '../../backup/check-backup';
import type { TakenBackup } from '../../backup/take-backup';
import type { HandlerContext } from '../../context';
import { backupFolder } from './backup-folder';
import { checkKeys, checkedOf, failureText, keyCopy, takenOf, whileUnderWay } from './backup-jobs';
import { keepNewest } from './keep-newest';

/** How a backup ended: taken (checked, good or not), or not taken at all – and why. */
export type BackupOutcome = { taken: BackupTaken } | { failed: AppError };

/**
 * Takes a backup into `folder` on the backup thread (other calls are answered meanwhile), checks it
 * there at once – unpacked into a temporary folder, every hash and the database as `verify` checks
 * it – and records it in the audit trail with its hash: as good only when every check passed. A
 * backup that could not be taken (the drive gone, the disk full) is recorded as failed too. A good
 * one leaves the newest `keep` backups of this archive in the folder, when given.
 */
export function takeBackupThen<T>(ctx: HandlerContext, input: { folder: string; reason: string; keep?: number }, then: (done: HandlerContext, outcome: BackupOutcome) => T): T {
  const session = ctx.session();
  const takenAt = ctx.env.now();
  const fileName = backupFileName(takenAt);
  let folder: string;
  try {
    folder = backupFolder(input.folder, ctx.env.paths.dataDir);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return then(ctx, { failed: recordFailure(ctx, input.folder, fileName, input.reason, error) });
  }
  const about = { backupId: randomUUID(), archiveId: session.archive.archiveId, takenAt: takenAt.toISOString(), takenBy: session.user.login, appVersion: ctx.env.appVersion, reason: input.reason };
  const job = { databaseFile: ctx.env.paths.database, keySlotsFile: ctx.env.paths.keySlots, scansRoot: ctx.env.paths.scans, folder, fileName, about };
  // The keys the thread will need, copied while the session is sure to last (wiped once the work ends).
  const takeKey = keyCopy(session.archive.dataKey);
  const keys = checkKeys(session.archive, ctx.env);
  return ctx.outsideQueue(
    async () => {
      try {
        return await whileUnderWay(ctx.env.paths.dataDir, async (): Promise<{ taken: TakenBackup; checked: CheckedBackup } | { failed: AppError }> => {
          try {
            const taken = takenOf(await runBackupJob({ kind: 'take', job: { ...job, dataKey: takeKey } }));
            const checked = checkedOf(await runBackupJob({ kind: 'check', source: { file: join(folder, taken.fileName) }, folder: checkFolder(randomUUID()), keys }));
            return { taken, checked };
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            return { failed: error };
          }
        });
      } finally {
        takeKey.fill(0);
        keys.dataKey.fill(0);
      }
    },
    (done, ran) => {
      if ('failed' in ran) return then(done, { failed: recordFailure(done, folder, fileName, input.reason, ran.failed) });
      const { taken, checked } = ran;
      const result: BackupTaken = { folder, fileName: taken.fileName, size: taken.size, sha256: taken.sha256, ok: checked.ok, summary: checked.summary ?? summaryOf({ ...taken.manifest, scans: {} }), checks: checked.checks };
      const failedChecks = checked.checks.filter((c) => !c.ok);
      done.write(() => undefined, {
        action: checked.ok ? 'backup:create' : 'backup:failed',
        target: { type: 'backup', id: taken.fileName, label: taken.fileName },
        summary: {
          folder,
          fileName: taken.fileName,
          size: taken.size,
          sha256: taken.sha256,
          backupId: about.backupId,
          reason: input.reason,
          ok: checked.ok,
          auditHead: taken.manifest.auditHead?.id ?? 0,
          ...(failedChecks.length > 0 ? { failedChecks: failedChecks.map((c) => c.name), message: failedChecks.map((c) => c.message).join('；'), messageEn: failedChecks.map((c) => c.messageEn).join('; ') } : {}),
        },
      });
      if (input.keep !== undefined) keepNewest(done, folder, input.keep);
      return then(done, { taken: result });
    },
  );
}

/** A backup asked for by hand: its result, or its failure as the call's error (recorded first). */
export function createBackup(ctx: HandlerContext, input: { folder: string }): BackupTaken {
  return takeBackupThen(ctx, { folder: input.folder, reason: 'on-request', keep: ctx.session().settings.backup.keep }, (_done, outcome) => {
    if ('failed' in outcome) throw outcome.failed;
    return outcome.taken;
  });
}

function recordFailure(ctx: HandlerContext, folder: string, fileName: string, reason: string, error: AppError): AppError {
  const text = failureText(error);
  ctx.write(() => undefined, { action: 'backup:failed', target: { type: 'backup', id: fileName, label: fileName }, summary: { folder, fileName, reason, ok: false, code: error.code, message: text.zh, messageEn: text.en } });
  return error;
}
