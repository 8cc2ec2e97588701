import { Alert, App as AntApp, Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstRunPage } from '../features/archive/FirstRunPage';
import { IncompleteArchivePage } from '../features/archive/IncompleteArchivePage';
import { LoginPage } from '../features/session/LoginPage';
import { lazyNamed } from '../lib/lazy';
import { useReducedMotion } from '../lib/use-reduced-motion';
import { DossierListPage } from '../routes/sections';
import { SessionProvider, useSession } from './SessionProvider';
import { IdleLockWarning } from './IdleLockWarning';
import { useIdleWatch } from './useIdleWatch';

const SignedIn = lazyNamed(() => import('./SignedIn'), 'SignedIn');

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const reducedMotion = useReducedMotion();
  dayjs.locale(english ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={english ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 6, motion: !reducedMotion } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** Which screen the archive's state calls for: the core decides, the UI follows. */
function Screens() {
  const { phase, refresh } = useSession();
  const { t } = useTranslation();
  const idleWarning = useIdleWatch();
  const beforeSignIn = phase === 'setup' || phase === 'locked';
  useEffect(() => {
    if (!beforeSignIn) return;
    // While the user types, what follows sign-in loads in the background: the frame and the
    // dossier list, where most users land.
    const idle = requestIdleCallback(() => {
      SignedIn.preload();
      DossierListPage.preload();
    });
    return () => cancelIdleCallback(idle);
  }, [beforeSignIn]);
  const loading = <Spin fullscreen tip={t('common.loading')} />;
  switch (phase) {
    case 'loading':
      return loading;
    case 'setup':
      return <FirstRunPage />;
    case 'incomplete':
      return <IncompleteArchivePage />;
    case 'locked':
      return <LoginPage />;
    case 'signed-in':
      return (
        <Suspense fallback={loading}>
          <SignedIn />
          <IdleLockWarning {...idleWarning} />
        </Suspense>
      );
    case 'unreachable':
      return (
        <div className="auth-page">
          <Alert type="error" showIcon title="无法连接到档案库服务 / Cannot reach the archive service" action={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>} />
        </div>
      );
  }
}
