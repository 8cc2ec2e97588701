import { AuditOutlined, CheckSquareOutlined, ScanOutlined, DashboardOutlined, SwapOutlined, DatabaseOutlined, DownOutlined, FolderOutlined, InboxOutlined, KeyOutlined, LockOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../../shared/permissions';
import { BarChartOutlined, ContainerOutlined } from '@ant-design/icons';
import { CloudServerOutlined } from '@ant-design/icons';
import { FileSearchOutlined } from '@ant-design/icons';
import { DeleteOutlined } from '@ant-design/icons';
import { BackupScheduler } from '../features/backup/BackupScheduler';
import { REGISTER_READERS } from '../../../shared/register-readers';
import { useCan } from '../app/ArchiveSettings';
import { useSession } from '../app/SessionProvider';
import { ChangePasswordDialog } from '../features/session/ChangePasswordDialog';
import { ConditionBanner } from './ConditionBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { NoticeBell } from './NoticeBell';

/** The frame after sign-in: product name, the sections this user may open, who is signed in, language, lock. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { session, lock } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const [changingPassword, setChangingPassword] = useState(false);
  const user = session?.user;
  const roleText = user?.roles.map((r) => (i18n.language === 'en' ? roleLabels[r].en : roleLabels[r].zh)).join('、');
  const mayAdminister = (['org.manage', 'user.read', 'settings.manage', 'security.manage'] as const).some(can);

  const sections = [
    ...(can('dossier.read') ? [{ key: 'workbench', icon: <DashboardOutlined />, label: t('shell.workbench') }] : []),
    ...(can('dossier.read') ? [{ key: 'dossiers', icon: <FolderOutlined />, label: t('shell.dossiers') }] : []),
    ...(can('dossier.read') ? [{ key: 'customers', icon: <TeamOutlined />, label: t('shell.customers') }] : []),
    ...(can('dossier.read') ? [{ key: 'locations', icon: <DatabaseOutlined />, label: t('shell.locations') }] : []),
    ...(can('dossier.edit') ? [{ key: 'inbox', icon: <ScanOutlined />, label: t('inbox.nav') }] : []),
    ...(can('dossier.read') ? [{ key: 'loans', icon: <SwapOutlined />, label: t('shell.loans') }] : []),
    ...(REGISTER_READERS.some(can) && can('dossier.read') ? [{ key: 'stocktake', icon: <ContainerOutlined />, label: t('stocktake.nav') }] : []),
    ...(REGISTER_READERS.some(can) && can('dossier.read') ? [{ key: 'inspections', icon: <FileSearchOutlined />, label: t('inspections.nav') }] : []),
    ...(can('disposal.manage') || can('approval.grant') ? [{ key: 'disposal', icon: <DeleteOutlined />, label: t('disposal.nav') }] : []),
    ...(can('dossier.read') ? [{ key: 'approvals', icon: <CheckSquareOutlined />, label: t('shell.approvals') }] : []),
    ...(can('register.keep') || can('audit.read') ? [{ key: 'intake', icon: <InboxOutlined />, label: t('shell.intake') }] : []),
    ...(REGISTER_READERS.some(can) ? [{ key: 'statistics', icon: <BarChartOutlined />, label: t('shell.statistics') }] : []),
    ...(can('audit.read') ? [{ key: 'audit', icon: <AuditOutlined />, label: t('shell.audit') }] : []),
    ...(can('archive.backup') ? [{ key: 'backup', icon: <CloudServerOutlined />, label: t('backup.nav') }] : []),
    ...(mayAdminister ? [{ key: 'settings', icon: <SettingOutlined />, label: t('shell.settings') }] : []),
  ];

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <div className="app-brand">
          <SafetyCertificateOutlined />
          <span>{t('app.headerName')}</span>
        </div>
        <div className="app-header-fill" />
        <Space size="middle" className="app-header-right">
          <NoticeBell className="app-header-text" />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', label: `${user?.login ?? ''} · ${user?.department?.name ?? ''} · ${roleText ?? ''}`, disabled: true },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
              ],
              onClick: ({ key }) => key === 'password' && setChangingPassword(true),
            }}
          >
            <Button type="text" className="app-header-text" data-testid="user-menu">
              <UserOutlined />
              <Typography.Text className="app-user" data-testid="signed-in-user">
                {user?.displayName}
              </Typography.Text>
              <DownOutlined />
            </Button>
          </Dropdown>
          <LanguageSwitch className="app-header-text" />
          <Button icon={<LockOutlined />} onClick={() => void lock()} data-testid="lock-button">
            {t('shell.lock')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {/* The sections down the side: there are more of them than a header row holds. */}
        <Layout.Sider width={152} theme="dark" className="app-sider">
          <Menu
            mode="inline"
            theme="dark"
            className="app-menu"
            selectedKeys={[location.pathname.split('/')[1] ?? '']}
            onClick={({ key }) => void navigate(`/${key}`)}
            items={sections}
            data-testid="main-menu"
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <ConditionBanner />
          {children}
        </Layout.Content>
      </Layout>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      <BackupScheduler />
    </Layout>
  );
}
