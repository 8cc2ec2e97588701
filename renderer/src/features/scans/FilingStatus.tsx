import { Alert, Button, Flex, Progress, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Refusal } from './filing-outcome';
import type { ScanFilingState } from './use-scan-filing';

function refusalTitle(refusal: Refusal, t: TFunction, english: boolean): string {
  if (refusal.kind === 'upload') return t('scans.uploadFailed', { failed: refusal.files.length, total: refusal.total });
  // The core's message of a batch repeats every file's reason: they are listed one by one below instead.
  if (refusal.files.length > 0) return t('scans.refusedBatch', { count: refusal.files.length });
  return english ? refusal.en : refusal.zh;
}

function RefusalNotice({ refusal, onClose }: { refusal: Refusal; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const title = refusalTitle(refusal, t, english);
  return (
    <Alert
      type="error"
      showIcon
      closable
      onClose={onClose}
      className="form-alert"
      data-testid="scan-refusal"
      title={title}
      description={
        refusal.files.length > 0 && (
          <ul className="scan-reasons">
            {refusal.files.map((file) => (
              <li key={file.name}>
                {/* An upload failure does not name its file; the core's refusal does. */}
                {refusal.kind === 'upload' && <Typography.Text strong>{file.name}：</Typography.Text>}
                {english ? file.en : file.zh}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** The batch under way (each file's upload, then the filing), or why it filed nothing. */
export function FilingStatus({ filing }: { filing: ScanFilingState }) {
  const { t } = useTranslation();
  const { uploads, phase, refusal } = filing;
  return (
    <>
      {uploads.length > 0 && (
        <div className="scan-uploads" data-testid="scan-uploads">
          {uploads.map((upload, index) => (
            <Flex key={index} gap="small" align="center">
              <Typography.Text className="scan-upload-name" ellipsis={{ tooltip: upload.name }}>
                {upload.name}
              </Typography.Text>
              <Progress percent={upload.percent} size="small" status={upload.failed ? 'exception' : phase === 'idle' || upload.percent < 100 ? 'normal' : 'success'} className="scan-grow" />
            </Flex>
          ))}
          <Flex gap="small" align="center" justify="end">
            {phase === 'filing' && <Typography.Text type="secondary">{t('scans.filing')}</Typography.Text>}
            {phase === 'uploading' && (
              <Button size="small" onClick={filing.cancel} data-testid="cancel-upload">
                {t('common.cancel')}
              </Button>
            )}
          </Flex>
        </div>
      )}
      {refusal && <RefusalNotice refusal={refusal} onClose={filing.dismiss} />}
    </>
  );
}
