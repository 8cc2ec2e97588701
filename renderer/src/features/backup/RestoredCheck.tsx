import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api';
import { CheckProgressNote } from '../four-check/CheckProgressNote';
import { CheckResultModal } from '../four-check/CheckResultModal';
import { useFourCheck } from '../four-check/use-four-check';

/**
 * The 四性 check of the whole restored archive, started as soon as it is restored: every file read
 * back and opened, every page drawn – long for many scans, so it runs with its progress shown while
 * the restored archive may already be used; its report is kept in the audit trail.
 */
export function RestoredCheck() {
  const { t, i18n } = useTranslation();
  const check = useFourCheck();
  const [failure, setFailure] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const { run } = check;
  useEffect(() => {
    run({ kind: 'archive' }).catch((error: unknown) => setFailure(errorText(error, i18n.language)));
    // Once, when the restored archive is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const report = check.result?.report;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="restored-check">
      <Typography.Title level={5}>{t('backup.restoredCheck')}</Typography.Title>
      {check.running && (
        <>
          <Typography.Text type="secondary">{t('backup.restoredCheckRunning')}</Typography.Text>
          <CheckProgressNote progress={check.progress} />
        </>
      )}
      {failure && <Alert type="warning" showIcon title={failure} />}
      {report && (
        <Alert
          type={report.ok ? 'success' : 'error'}
          showIcon
          title={report.ok ? t('fourCheck.passed') : t('fourCheck.failed', { count: report.items.filter((i) => !i.ok).length })}
          action={
            <Button size="small" onClick={() => setShown(true)} data-testid="restored-check-report">
              {t('backup.restoredCheckReport')}
            </Button>
          }
          data-testid="restored-check-verdict"
        />
      )}
      <CheckResultModal result={shown ? check.result : null} onClose={() => setShown(false)} />
    </Space>
  );
}
