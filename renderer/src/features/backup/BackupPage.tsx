import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { useAttempt } from '../../lib/use-attempt';
import { formatDateTime } from '../../lib/format';
import { takeBackup, useBackupActivity } from './backup-activity';
import { BackupChecks } from './BackupChecks';
import { BackupList } from './BackupList';
import { BackupStatusCard } from './BackupStatusCard';
import { useBackupStatus } from './use-backup-status';

/** The outcome of the backup taken last in this window, until dismissed. */
function TakenOutcome() {
  const { t } = useTranslation();
  const { lastTaken } = useBackupActivity();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!lastTaken || dismissed === lastTaken.sha256) return null;
  return (
    <Alert
      type={lastTaken.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={() => setDismissed(lastTaken.sha256)}
      className="form-alert"
      data-testid="backup-taken"
      title={lastTaken.ok ? t('backup.taken', { fileName: lastTaken.fileName }) : t('backup.takenFailed', { fileName: lastTaken.fileName })}
      description={<BackupChecks checks={lastTaken.checks} />}
    />
  );
}

/** 备份与恢复: where the schedule stands, a backup now, the backups in the folder and their restore drills. */
export function BackupPage() {
  const { t, i18n } = useTranslation();
  const { settings } = useArchiveSettings();
  const status = useBackupStatus();
  const { creating } = useBackupActivity();
  const { attempt } = useAttempt();
  const folder = settings.backup.folder;
  const failure = status.data?.lastFailure;
  return (
    <div className="page" data-testid="backup-page">
      <Typography.Title level={4} className="page-title">
        {t('backup.title')}
      </Typography.Title>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {status.error && <Alert type="error" showIcon title={status.error.text(i18n.language)} />}
        {failure && <Alert type="error" showIcon data-testid="backup-failure" title={t('backup.failure', { at: formatDateTime(failure.at), message: i18n.language === 'en' ? failure.messageEn : failure.message })} />}
        {status.data && <BackupStatusCard status={status.data} />}
        <Card
          size="small"
          title={t('backup.list')}
          extra={
            <Button type="primary" icon={<CloudUploadOutlined />} loading={creating} disabled={folder === ''} onClick={() => void attempt(() => takeBackup(folder))} data-testid="backup-now">
              {t('backup.backupNow')}
            </Button>
          }
        >
          {creating && <Alert type="info" showIcon className="form-alert" title={t('backup.backingUp')} data-testid="backup-creating" />}
          <TakenOutcome />
          {folder !== '' && <BackupList folder={folder} />}
        </Card>
      </Space>
    </div>
  );
}
