import { Alert, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatByteLimit, type BackupChecked, type BackupFile } from '../../../../shared/contract';
import { useAttempt } from '../../lib/use-attempt';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { checkBackup, useBackupActivity, useReloadOnBackupChanges } from './backup-activity';
import { BackupChecks } from './BackupChecks';
import { BackupSummaryText } from './BackupSummaryText';

function RecordedTag({ backup }: { backup: BackupFile }) {
  const { t } = useTranslation();
  if (!backup.recorded)
    return (
      <Tooltip title={t('backup.notRecordedHelp')}>
        <Tag>{t('backup.notRecorded')}</Tag>
      </Tooltip>
    );
  return backup.recorded.ok ? <Tag color="green">{t('backup.recordedOk')}</Tag> : <Tag color="red">{t('backup.recordedFailed')}</Tag>;
}

/** The restore drill's outcome under its backup: the verdict, what the backup holds, each check. */
function CheckOutcome({ checked }: { checked: BackupChecked }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`backup-checked-${checked.fileName}`}>
      <Alert type={checked.ok ? 'success' : 'error'} showIcon title={checked.ok ? t('backup.verifyOk') : t('backup.verifyFailed')} />
      {checked.summary && <BackupSummaryText summary={checked.summary} />}
      <BackupChecks checks={checked.checks} />
    </Space>
  );
}

/** The backups in the folder, newest first, each with what was recorded when it was taken; a click checks one (the restore drill). */
export function BackupList({ folder }: { folder: string }) {
  const { t, i18n } = useTranslation();
  const { verifying, checked } = useBackupActivity();
  const { attempt } = useAttempt();
  const listing = useChannel('backup:list', { folder });
  useReloadOnBackupChanges(listing.reload);

  const backups = listing.data?.backups ?? [];
  const opened = backups.map((b) => b.fileName).filter((name) => verifying.has(name) || checked.has(name));
  return (
    <>
      {/* The folder cannot be read (a drive unplugged): what was listed before is not shown as if it were there. */}
      {listing.error ? (
        <Alert type="error" showIcon className="form-alert" title={listing.error.text(i18n.language)} data-testid="backup-list-error" />
      ) : (
        <Table<BackupFile>
          size="small"
          rowKey="fileName"
          dataSource={backups}
          loading={listing.loading && !listing.data}
          pagination={false}
          locale={{ emptyText: t('backup.listEmpty') }}
          data-testid="backup-list"
          expandable={{
            expandedRowKeys: opened,
            showExpandColumn: false,
            expandedRowRender: (backup) => {
              const outcome = checked.get(backup.fileName);
              if (verifying.has(backup.fileName) || !outcome) return <Alert type="info" showIcon title={t('backup.verifying')} />;
              return <CheckOutcome checked={outcome} />;
            },
          }}
          columns={[
            { key: 'fileName', title: t('backup.fileName'), dataIndex: 'fileName', render: (name: string) => <Typography.Text className="nowrap">{name}</Typography.Text> },
            { key: 'takenAt', title: t('backup.takenAt'), width: 150, render: (_, b) => formatDateTime(b.recorded?.takenAt ?? b.modifiedAt) },
            { key: 'takenBy', title: t('backup.takenBy'), width: 110, render: (_, b) => b.recorded?.takenBy ?? '—' },
            { key: 'size', title: t('backup.size'), width: 100, align: 'right', render: (_, b) => formatByteLimit(b.size) },
            { key: 'recorded', title: t('backup.recorded'), width: 150, render: (_, b) => <RecordedTag backup={b} /> },
            {
              key: 'verify',
              title: '',
              width: 90,
              render: (_, b) => (
                <Tooltip title={t('backup.verifyHelp')}>
                  <Button size="small" loading={verifying.has(b.fileName)} onClick={() => void attempt(() => checkBackup(listing.data?.folder ?? folder, b.fileName))} data-testid={`backup-verify-${b.fileName}`}>
                    {t('backup.verify')}
                  </Button>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
