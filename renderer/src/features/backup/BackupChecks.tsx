import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Check {
  name: string;
  ok: boolean;
  message: string;
  messageEn: string;
}

/** Each check of a backup or of a restored archive: ✓ or ✗ with the core's words. */
export function BackupChecks({ checks, testId }: { checks: readonly Check[]; testId?: string }) {
  const { i18n } = useTranslation();
  const { token } = theme.useToken();
  return (
    <List
      size="small"
      dataSource={[...checks]}
      data-testid={testId}
      renderItem={(check) => (
        <List.Item data-testid={`check-${check.name}`} data-ok={check.ok}>
          <Typography.Text type={check.ok ? undefined : 'danger'}>
            {check.ok ? <CheckCircleFilled style={{ color: token.colorSuccess }} /> : <CloseCircleFilled />} {i18n.language === 'en' ? check.messageEn : check.message}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
