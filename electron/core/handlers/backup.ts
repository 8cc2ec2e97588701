import type { backupContract } from '../../../shared/contract';
import { currentBackupStatus, runDueBackup } from '../services/backup/backup-schedule';
import { createBackup } from '../services/backup/create-backup';
import { listBackups } from '../services/backup/list-backups';
import { restoreArchive } from '../services/backup/restore-archive';
import { verifyBackup } from '../services/backup/verify-backup';
import type { HandlersFor } from './types';

export const backupHandlers: HandlersFor<typeof backupContract> = {
  'backup:create': (ctx, input) => createBackup(ctx, input),
  'backup:list': (ctx, input) => listBackups(ctx.session().archive.database.db, input.folder, ctx.env.paths.dataDir),
  'backup:verify': (ctx, input) => verifyBackup(ctx, input),
  'backup:status': (ctx) => currentBackupStatus(ctx),
  'backup:run-due': (ctx) => runDueBackup(ctx),
  'archive:restore': (ctx, input) => restoreArchive(ctx, input),
};
