import { queryAuditEvents } from '../../../../db/repositories/audit';
import type { Db } from '../../../../db/open';
import type { BackupCheck, BackupSummary } from '../../../../shared/contract';
import { formatLocalDateTime } from '../../../../shared/time';

/**
 * The drill of a file this archive recorded taking: is it still that backup? An older backup (of
 * this archive, so whole and sound) copied over it under its name would pass every other check –
 * and a restore from it would silently lose everything since. Null: no backup of this archive was
 * recorded under this name in this folder (a copy brought from elsewhere), nothing to compare.
 */
export function backupRecordCheck(db: Db, folder: string, fileName: string, summary: BackupSummary): BackupCheck | null {
  const [taken] = queryAuditEvents(db, { action: 'backup:create', targets: [{ type: 'backup', id: fileName }], limit: 20 }).filter((event) => {
    const recorded = JSON.parse(event.summary ?? '{}') as { folder?: string };
    return recorded.folder === folder;
  });
  if (!taken) return null;
  const recorded = JSON.parse(taken.summary ?? '{}') as { backupId?: string };
  if (recorded.backupId === summary.backupId) {
    return { name: 'backup-record', ok: true, message: `与 ${formatLocalDateTime(new Date(taken.at))} 备份时的记录一致`, messageEn: `Matches what was recorded when it was taken on ${formatLocalDateTime(new Date(taken.at))}` };
  }
  const inFile = formatLocalDateTime(new Date(summary.takenAt));
  return {
    name: 'backup-record',
    ok: false,
    message: `此文件已不是 ${formatLocalDateTime(new Date(taken.at))} 以此名称记录的备份，而是 ${inFile} 的备份：从它恢复会缺少之后的更改`,
    messageEn: `This file is no longer the backup recorded under this name on ${formatLocalDateTime(new Date(taken.at))} but the backup of ${inFile}: a restore from it would lack the changes since`,
  };
}
