import { FolderOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../../shared/permissions';
import { useSession } from '../app/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame after sign-in: product name, navigation, who is signed in, language, lock. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, lock } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const roleText = session?.user.roles.map((r) => (i18n.language === 'en' ? roleLabels[r].en : roleLabels[r].zh)).join('、');

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <div className="app-brand">
          <SafetyCertificateOutlined />
          <span>{t('app.name')}</span>
        </div>
        <Menu
          mode="horizontal"
          theme="dark"
          className="app-menu"
          selectedKeys={[location.pathname.split('/')[1] ?? 'dossiers']}
          onClick={({ key }) => void navigate(`/${key}`)}
          items={[{ key: 'dossiers', icon: <FolderOutlined />, label: t('shell.dossiers') }]}
        />
        <Space size="middle" className="app-header-right">
          <Tooltip title={roleText}>
            <Typography.Text className="app-user" data-testid="signed-in-user">
              <UserOutlined /> {session?.user.displayName}
            </Typography.Text>
          </Tooltip>
          <LanguageSwitch className="app-header-text" />
          <Button icon={<LockOutlined />} onClick={() => void lock()} data-testid="lock-button">
            {t('shell.lock')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">{children}</Layout.Content>
    </Layout>
  );
}
