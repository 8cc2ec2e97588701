import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BackupStatus } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { backupAge, dueReasonText } from './backup-words';

/** The schedule at a glance: the folder, the last good backup and its age, whether one is due, the last restore drill. */
export function BackupStatusCard({ status }: { status: BackupStatus }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const reason = dueReasonText(t, status.dueReason, i18n.language);
  const { lastGood, lastDrill } = status;
  return (
    <Card title={t('backup.status')} size="small" data-testid="backup-status" extra={status.running && <Spin size="small" data-testid="backup-running" />}>
      {status.folder === '' && (
        <Alert
          type="warning"
          showIcon
          className="form-alert"
          title={t('backup.noFolder')}
          data-testid="backup-no-folder"
          action={
            <Button size="small" onClick={() => void navigate('/settings/policy')}>
              {t('backup.setFolder')}
            </Button>
          }
        />
      )}
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 160 } }}>
        {status.folder !== '' && <Descriptions.Item label={t('backup.folder')}>{status.folder}</Descriptions.Item>}
        <Descriptions.Item label={t('backup.lastGood')}>
          <Space wrap data-testid="backup-last-good">
            {lastGood && status.ageDays !== null ? (
              <>
                <span>{t('backup.takenAge', { at: formatDateTime(lastGood.takenAt), age: backupAge(t, status.ageDays) })}</span>
                <Typography.Text type="secondary">{lastGood.fileName}</Typography.Text>
              </>
            ) : (
              <Typography.Text type="warning">{t('backup.noneYet')}</Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.schedule')}>
          <Space wrap>
            <span>{t('backup.everyDays', { count: status.intervalDays })}</span>
            {status.folder !== '' && (
              <Tag color={status.overdue ? 'red' : status.due ? 'orange' : 'green'} data-testid="backup-due">
                {status.overdue ? t('backup.overdue') : status.due ? t('backup.due') : t('backup.upToDate')}
                {reason && status.due ? `：${reason}` : ''}
              </Tag>
            )}
            {status.running && <Tag color="processing">{t('backup.running')}</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.lastDrill')}>
          <Space wrap data-testid="backup-last-drill">
            {lastDrill ? (
              <>
                <span>{formatDateTime(lastDrill.at)}</span>
                <Typography.Text type="secondary">{lastDrill.fileName}</Typography.Text>
                <Tag color={lastDrill.ok ? 'green' : 'red'}>{lastDrill.ok ? t('backup.drillPassed') : t('backup.drillFailed')}</Tag>
              </>
            ) : (
              <Typography.Text type="secondary">{t('backup.noDrill')}</Typography.Text>
            )}
            {status.drillDue && <Tag color="orange">{t('backup.drillDue')}</Tag>}
          </Space>
        </Descriptions.Item>
        {status.restoredFrom && (
          <Descriptions.Item label={t('backup.restoredFrom')}>
            <span data-testid="backup-restored-from">{t('backup.restoredFromText', { restoredAt: formatDateTime(status.restoredFrom.restoredAt), takenAt: formatDateTime(status.restoredFrom.takenAt) })}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
