import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenchCard } from '../workbench/BenchCard';
import { useCan } from '../../app/ArchiveSettings';
import { formatDateTime } from '../../lib/format';
import { backupAge } from './backup-words';
import { useBackupStatus } from './use-backup-status';

/** On the workbench of those who keep the backups: the age of the last good backup, a warning when it is overdue or the last run failed. */
export function BackupAgeCard() {
  const { t, i18n } = useTranslation();
  const mayBackUp = useCan()('archive.backup');
  const { data: status } = useBackupStatus(mayBackUp);
  if (!mayBackUp || !status) return null;
  const { lastGood, lastFailure } = status;
  return (
    <BenchCard title={t('backup.benchTitle')} to="/backup" testId="bench-backup">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="bench-backup-age">{lastGood && status.ageDays !== null ? t('backup.benchLast', { age: backupAge(t, status.ageDays), at: formatDateTime(lastGood.takenAt) }) : t('backup.noneYet')}</Typography.Text>
        {(status.folder === '' || status.overdue) && <Alert type="warning" showIcon title={status.folder === '' ? t('backup.noFolder') : t('backup.benchOverdue')} data-testid="bench-backup-warning" />}
        {lastFailure && <Alert type="error" showIcon title={t('backup.failure', { at: formatDateTime(lastFailure.at), message: i18n.language === 'en' ? lastFailure.messageEn : lastFailure.message })} data-testid="bench-backup-failure" />}
      </Space>
    </BenchCard>
  );
}
