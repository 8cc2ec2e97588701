import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';

/** What a backup holds, from its manifest: when and by whom it was taken, and its counts. */
export function BackupSummaryText({ summary }: { summary: BackupSummary }) {
  const { t } = useTranslation();
  const lost = summary.missingScans + summary.damagedScans;
  return (
    <div data-testid="backup-summary">
      <Typography.Text strong>{t('backup.takenAtBy', { at: formatDateTime(summary.takenAt), by: summary.takenBy })}</Typography.Text>
      <br />
      <Typography.Text>{t('backup.summary', summary.counts)}</Typography.Text>
      {lost > 0 && (
        <>
          <br />
          <Typography.Text type="warning">{t('backup.lostScans', { missing: summary.missingScans, damaged: summary.damagedScans })}</Typography.Text>
        </>
      )}
    </div>
  );
}
