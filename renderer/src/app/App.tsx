import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { FirstRunPage } from '../features/archive/FirstRunPage';
import { IncompleteArchivePage } from '../features/archive/IncompleteArchivePage';
import { ForcedPasswordPage } from '../features/session/ForcedPasswordPage';
import { LoginPage } from '../features/session/LoginPage';
import { AppRoutes } from '../routes/AppRoutes';
import { ArchiveSettingsProvider } from './ArchiveSettings';
import { SessionProvider, useSession } from './SessionProvider';
import { useIdleWatch } from './useIdleWatch';

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 6 } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <HashRouter>
            <Screens />
          </HashRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Which screen the archive's state calls for: the core decides, the UI follows. */
function Screens() {
  const { phase, refresh, session } = useSession();
  const { t } = useTranslation();
  useIdleWatch();
  switch (phase) {
    case 'loading':
      return <Spin fullscreen tip={t('common.loading')} />;
    case 'setup':
      return <FirstRunPage />;
    case 'incomplete':
      return <IncompleteArchivePage />;
    case 'locked':
      return <LoginPage />;
    case 'signed-in':
      return (
        <ArchiveSettingsProvider>{session?.user.mustChangePassword ? <ForcedPasswordPage /> : <AppRoutes />}</ArchiveSettingsProvider>
      );
    case 'unreachable':
      return (
        <div className="auth-page">
          <Alert type="error" showIcon title="无法连接到档案库服务 / Cannot reach the archive service" action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>} />
        </div>
      );
  }
}
