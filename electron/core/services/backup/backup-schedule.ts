import { join } from 'node:path';
import { newestAuditEvent, type AuditEventRow } from '../../../../db/repositories/audit';
import type { Db } from '../../../../db/open';
import { readMetaValue } from '../../../../db/repositories/meta';
import type { BackupRun, BackupSetting, BackupStatus } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { isUnderWay } from './backup-jobs';
import { takeBackupThen } from './create-backup';
import { RESTORED_FROM } from './restore-archive';
import { verifyBackupThen } from './verify-backup';

/**
 * Changes after which a backup is taken at once (BK-01: important data backed up immediately): an
 * import, a change of settings or of the security policy, a dossier type saved. (Disposal joins
 * them when it exists.)
 */
export const IMPORTANT_EVENTS = ['import:commit', 'disposal:carry-out', 'settings:update', 'security:update-policy', 'security:enable-separation', 'security:disable-separation', 'type:save'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
/** After a scheduled backup failed (the drive gone, a failed check), the schedule tries again after this long – not at every call. */
export const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

interface Summary {
  ok?: boolean;
  folder?: string;
  message?: string;
  messageEn?: string;
}

const summaryOf = (event: AuditEventRow): Summary => JSON.parse(event.summary ?? '{}') as Summary;

/** Where the schedule stands, read from the audit trail: the last good backup, the last drill, a failure since. */
export function backupStatus(db: Db, setting: BackupSetting, now: Date, running: boolean): BackupStatus {
  const good = newestAuditEvent(db, ['backup:create']);
  const drill = newestAuditEvent(db, ['backup:verify']);
  // A failure since the last good backup: a backup not taken or failing its check, or the latest drill failing.
  const failedBackup = newestAuditEvent(db, ['backup:failed'], good?.id ?? 0);
  const failedDrill = drill && drill.id > (good?.id ?? 0) && summaryOf(drill).ok !== true ? drill : null;
  const failure = failedBackup && failedDrill ? (failedBackup.id > failedDrill.id ? failedBackup : failedDrill) : (failedBackup ?? failedDrill);
  const age = good ? now.getTime() - Date.parse(good.at) : null;
  // A backup recorded in the future was taken with a wrong clock: its age is unknown, so one is due now.
  const clockWrong = age !== null && age < 0;
  const scheduled = setting.folder !== '';
  const important = scheduled && good && setting.afterImportantEvents ? newestAuditEvent(db, IMPORTANT_EVENTS, good.id) : null;
  const dueReason = !scheduled ? null : !good ? 'never' : clockWrong || (age ?? 0) >= setting.intervalDays * DAY_MS ? 'schedule' : (important?.action ?? null);
  const sinceDrill = drill ? now.getTime() - Date.parse(drill.at) : null;
  const failureSummary = failure ? summaryOf(failure) : null;
  return {
    folder: setting.folder,
    intervalDays: setting.intervalDays,
    lastGood: good ? { fileName: good.targetId ?? '', takenAt: good.at } : null,
    ageDays: age === null || clockWrong ? null : Math.floor(age / DAY_MS),
    due: dueReason !== null,
    dueReason,
    overdue: age === null || clockWrong || age > setting.intervalDays * DAY_MS,
    lastDrill: drill ? { fileName: drill.targetId ?? '', at: drill.at, ok: summaryOf(drill).ok === true } : null,
    drillDue: scheduled && good !== null && (sinceDrill === null || sinceDrill < 0 || sinceDrill >= setting.drillDays * DAY_MS),
    running,
    lastFailure: failure && failureSummary ? { at: failure.at, message: failureSummary.message ?? '', messageEn: failureSummary.messageEn ?? '' } : null,
    restoredFrom: restoredFrom(db),
  };
}

/** The backup this archive was restored from, as the restore wrote it (null: never restored). */
function restoredFrom(db: Db): BackupStatus['restoredFrom'] {
  const value = readMetaValue(db, RESTORED_FROM);
  if (!value) return null;
  const { takenAt, restoredAt } = JSON.parse(value) as { takenAt: string; restoredAt: string };
  return { takenAt, restoredAt };
}

export function currentBackupStatus(ctx: HandlerContext): BackupStatus {
  const session = ctx.session();
  return backupStatus(session.archive.database.db, session.settings.backup, ctx.env.now(), isUnderWay(ctx.env.paths.dataDir));
}

/**
 * The window's periodic call: the scheduled backup when one is due, else the drill of the latest
 * backup when that is due, else nothing. Whoever is signed in triggers it; the audit trail records
 * it with that user and the reason.
 */
export function runDueBackup(ctx: HandlerContext): BackupRun {
  const status = currentBackupStatus(ctx);
  const setting = ctx.session().settings.backup;
  const after = (done: HandlerContext, ran: BackupRun['ran'], ok: boolean): BackupRun => ({ ran, ok, status: currentBackupStatus(done) });
  if (status.running) return { ran: null, ok: null, status };
  const failed = status.lastFailure ? newestAuditEvent(ctx.session().archive.database.db, ['backup:failed']) : null;
  const failedLately = failed !== null && Math.abs(ctx.env.now().getTime() - Date.parse(failed.at)) < RETRY_AFTER_FAILURE_MS;
  if (status.due && !failedLately) {
    const reason = status.dueReason === 'never' || status.dueReason === 'schedule' ? 'scheduled' : 'after-important-event';
    return takeBackupThen(ctx, { folder: setting.folder, reason, keep: setting.keep }, (done, outcome) => after(done, 'backup', 'taken' in outcome && outcome.taken.ok));
  }
  const latest = status.drillDue ? newestAuditEvent(ctx.session().archive.database.db, ['backup:create']) : null;
  if (latest?.targetId) {
    // Where the latest good backup went (a backup by hand may have gone elsewhere than the setting's folder).
    const folder = summaryOf(latest).folder ?? setting.folder;
    return verifyBackupThen(ctx, { file: join(folder, latest.targetId), reason: 'scheduled' }, (done, outcome) => after(done, 'drill', 'checked' in outcome && outcome.checked.ok));
  }
  return { ran: null, ok: null, status };
}
