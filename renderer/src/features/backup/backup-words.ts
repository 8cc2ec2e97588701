import type { TFunction } from 'i18next';
import { auditActionLabel } from '../../../../shared/audit-actions';
import type { BackupStatus } from '../../../../shared/contract';

/** "today", "3 days ago": how old the last good backup is. */
export function backupAge(t: TFunction, ageDays: number): string {
  return ageDays === 0 ? t('backup.ageToday') : t('backup.ageDays', { count: ageDays });
}

/** Why a backup is due: none yet, the schedule, or the important event since the last one. */
export function dueReasonText(t: TFunction, reason: BackupStatus['dueReason'], language: string): string | null {
  if (reason === null) return null;
  if (reason === 'never') return t('backup.dueNever');
  if (reason === 'schedule') return t('backup.dueSchedule');
  return t('backup.dueAfter', { action: auditActionLabel(reason, language === 'en' ? 'en' : 'zh') });
}
