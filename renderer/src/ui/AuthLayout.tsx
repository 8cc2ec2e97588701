import { FolderOpenOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before sign-in: product name, one card, where the data lives. */
export function AuthLayout({ title, dataDir, children }: { title: string; dataDir: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-language">
        <LanguageSwitch />
      </div>
      <div className="auth-brand">
        <SafetyCertificateOutlined className="auth-brand-icon" />
        <div>
          <Typography.Title level={3} className="auth-brand-name">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.brand')}</Typography.Text>
        </div>
      </div>
      <Card title={title} className="auth-card">
        {children}
      </Card>
      {dataDir && (
        <Typography.Text type="secondary" className="auth-data-dir" data-testid="data-dir">
          <FolderOpenOutlined /> {t('setup.dataDir')}: {dataDir}
        </Typography.Text>
      )}
    </div>
  );
}
