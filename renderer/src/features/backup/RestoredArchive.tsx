import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Restored } from '../../../../shared/contract';
import { useSession } from '../../app/SessionProvider';
import { BackupChecks } from './BackupChecks';
import { BackupSummaryText } from './BackupSummaryText';
import { RestoredCheck } from './RestoredCheck';

/** After a restore: which backup it was, that later changes are not in it, the checks of the restored archive; then on into the app. */
export function RestoredArchive({ restored }: { restored: Restored }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="restored">
      <Alert type={restored.report.ok ? 'success' : 'error'} showIcon title={t('backup.restoredTitle')} />
      <BackupSummaryText summary={restored.summary} />
      <Alert type="warning" showIcon title={t('backup.notInBackup')} />
      <Typography.Title level={5}>{t('backup.checksTitle')}</Typography.Title>
      <BackupChecks checks={restored.report.checks} testId="restore-checks" />
      {restored.report.ok && <RestoredCheck />}
      <Button type="primary" block onClick={() => void refresh()} data-testid="restore-continue">
        {t('backup.continue')}
      </Button>
    </Space>
  );
}
