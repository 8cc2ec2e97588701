import { AppError, type Message } from '../../../shared/errors';
import type { OpenedArchive } from '../vault/opened-archive';
import { damageMessage, readDamageRecord } from './damage-record';
import { findRollback, type RollbackFinding } from './rollback-check';

/**
 * Why an opened archive may be read but not written: damage seen and not yet repaired, a
 * rollback not yet resolved, or a data folder that cannot be written. Null: all is well.
 */
export type ArchiveCondition =
  | { code: 'ARCHIVE_DAMAGED'; message: Message }
  | { code: 'ARCHIVE_ROLLED_BACK'; message: Message; rollback: RollbackFinding }
  | { code: 'READ_ONLY'; message: Message }
  | { code: 'DISK_FULL'; message: Message };

export function assessArchive(archive: OpenedArchive): ArchiveCondition | null {
  const damage = readDamageRecord(archive.paths.damageRecord);
  if (damage) return { code: 'ARCHIVE_DAMAGED', message: damageMessage(damage) };
  const rollback = findRollback(archive);
  if (rollback) return { code: 'ARCHIVE_ROLLED_BACK', message: rollback.message, rollback };
  if (archive.database.readOnly === 'read-only-folder') return { code: 'READ_ONLY', message: READ_ONLY_FOLDER };
  if (archive.database.readOnly === 'disk-full') return { code: 'DISK_FULL', message: DISK_FULL };
  return null;
}

const READ_ONLY_FOLDER: Message = {
  zh: '数据文件夹为只读：可以登录、查找、查看和校验，但不能写入任何内容（包括登录记录）',
  en: 'The data folder is read-only: you can sign in, search, look and verify, but nothing can be written (not even the sign-in record)',
};

/** The disk was full when the archive was opened (a disk that fills later: see the sign-in in core.ts). */
export const DISK_FULL: Message = {
  zh: '磁盘已满：可以查找和查看，但在释放空间之前不能写入任何内容（包括登录记录）；释放空间后请重新登录',
  en: 'The disk is full: you can search and look, but nothing can be written (not even the sign-in record) until space is freed; sign in again afterwards',
};

export function conditionError(condition: ArchiveCondition): AppError {
  return new AppError(condition.code, condition.message);
}
