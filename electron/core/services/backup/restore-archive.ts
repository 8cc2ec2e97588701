import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { writeMetaValue } from '../../../../db/repositories/meta';
import type { Restored } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { ENTRY } from '../../backup/backup-format';
import { restoringFolder, settleInterruptedRestore } from '../../backup/put-in-place';
import { runBackupJob } from '../../backup/backup-thread';
import { NotATar, readFirstEntry } from '../../backup/tar-reader';
import type { HandlerContext } from '../../context';
import { settleDamage } from '../../integrity/settle-damage';
import { readStagedFile } from '../../staging/staged-file-reader';
import { archiveState, databaseFiles } from '../../vault/archive-files';
import { closeArchive } from '../../vault/opened-archive';
import { readSettings } from '../settings/settings';
import { toSessionUser } from '../users/user-dto';
import { parseKeySlotFile, unlockSlot } from '../../vault/key-slots';
import { verifyArchive } from '../archive/verify-archive';
import { unlockArchive } from '../archive/unlock-archive';
import { checkKeys, checkedOf } from './backup-jobs';


/** Marks the restored archive: when, and from which backup (shown to administrators; not a rollback). */
export const RESTORED_FROM = 'restored_from';

const notEmpty = { zh: '只能恢复到空的数据文件夹：这里已有档案库或其他文件。请选择一个新的空文件夹', en: 'A backup is restored only into an empty data folder: this one already holds an archive or other files. Choose a new, empty folder' };

/**
 * First run: a backup staged for `restore` becomes this data folder's archive. The backup's own key
 * slots open it with the login and password given (a password of the archive it came from); it is
 * unpacked and checked on the backup thread inside the data folder and put in place only when every
 * check passed. Then the user is signed in, the restore recorded in the audit trail, and `verify`
 * run on the restored archive.
 */
export async function restoreArchive(ctx: HandlerContext, input: { stagedFileId: string; login: string; password: string }): Promise<Restored> {
  const paths = ctx.env.paths;
  if (ctx.currentSession || archiveState(paths) !== 'missing' || !onlyStagingIn(paths.dataDir)) throw new AppError('CONFLICT', notEmpty);
  const staged = ctx.stagedFiles('restore').get(input.stagedFileId, 'restore');
  const slots = await backupKeySlots(staged.source);
  const { dataKey } = await unlockSlot(slots, input.login, input.password);
  const keys = checkKeys({ archiveId: slots.archiveId, dataKey }, ctx.env);
  dataKey.fill(0);
  let checked;
  try {
    // The data folder may not exist yet (a backup small enough to be staged in memory made none).
    mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
    checked = checkedOf(await runBackupJob({ kind: 'restore', source: { staged: staged.source }, folder: restoringFolder(paths.dataDir, process.pid), dataDir: paths.dataDir, keys }));
  } finally {
    keys.dataKey.fill(0);
  }
  const { summary } = checked;
  if (!checked.ok || !summary) {
    const failed = checked.checks.filter((c) => !c.ok);
    throw new AppError('VALIDATION', { zh: `备份未通过检查，未恢复任何内容：${failed.map((c) => c.message).join('；')}`, en: `The backup failed its check; nothing was restored: ${failed.map((c) => c.messageEn).join('; ')}` });
  }
  const { archive, user } = await unlockArchive(paths, input.login, input.password, ctx.env.migrationsDir);
  if (!toSessionUser(user, readSettings(archive.database.db).threeRoleSeparation).permissions.includes('archive.backup')) {
    // Restoring is the system administrator's (as backing up is): what was put in place goes again, and the folder is as it was.
    closeArchive(archive);
    for (const path of [paths.keySlots, paths.highWaterMark, ...databaseFiles(paths), paths.scans]) rmSync(path, { recursive: true, force: true });
    throw new AppError('FORBIDDEN', { zh: '只有可以备份档案库的用户（系统管理员）才能从备份恢复', en: 'Only a user who may back up the archive (the system administrator) can restore it from a backup' });
  }
  const restoredAt = ctx.env.now().toISOString();
  const session = ctx.startSession(archive, user, {
    audit: { action: 'archive:restore', target: { type: 'archive', id: slots.archiveId }, summary: { backupId: summary.backupId, takenAt: summary.takenAt, takenBy: summary.takenBy, file: staged.name, sha256: staged.sha256, auditHead: summary.auditHead?.id ?? 0 } },
    settle: (db) => writeMetaValue(db, RESTORED_FROM, JSON.stringify({ backupId: summary.backupId, takenAt: summary.takenAt, restoredAt })),
  });
  const report = verifyArchive(archive, ctx.env.now());
  settleDamage(ctx.session(), report, ctx.env.now());
  return { session, summary, report };
}

/** The data folder holds nothing but staged files (what a crashed restore left goes first). */
function onlyStagingIn(dataDir: string): boolean {
  settleInterruptedRestore(dataDir);
  try {
    return readdirSync(dataDir).every((name) => name === 'staging');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function backupKeySlots(source: Parameters<typeof readStagedFile>[0]): Promise<ReturnType<typeof parseKeySlotFile>> {
  const notABackup = (detail: string) => new AppError('VALIDATION', { zh: '所选文件不是本程序的备份，或已损坏', en: `The file chosen is not a backup of this program, or is damaged (${detail})` });
  let first: { name: string; bytes: Buffer };
  try {
    first = await readFirstEntry(readStagedFile(source), 1024 * 1024);
  } catch (error) {
    if (error instanceof NotATar) throw notABackup(error.message);
    throw error;
  }
  if (first.name !== ENTRY.keySlots) throw notABackup(`it begins with ${first.name}`);
  return parseKeySlotFile(first.bytes.toString('utf8'));
}
