import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/SessionProvider';
import { AuthLayout } from '../../ui/AuthLayout';

export function IncompleteArchivePage() {
  const { t } = useTranslation();
  const { dataDir } = useSession();
  return (
    <AuthLayout title={t('app.name')} dataDir={dataDir}>
      <Alert type="error" showIcon title={t('setup.incomplete')} />
    </AuthLayout>
  );
}
