import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/SessionProvider';
import { AuthLayout } from '../../ui/AuthLayout';
import { ChangePasswordForm } from './ChangePasswordForm';

/** First sign-in or after a reset: nothing else opens until the user has set their own password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { dataDir, refresh, lock } = useSession();
  return (
    <AuthLayout title={t('password.forcedTitle')} dataDir={dataDir}>
      <Typography.Paragraph type="secondary">{t('password.forcedIntro')}</Typography.Paragraph>
      <ChangePasswordForm onChanged={() => void refresh()} />
      {/* Not now, or another person at the desk: back to the sign-in screen. */}
      <Button type="link" block onClick={() => void lock()} data-testid="back-to-sign-in">
        {t('password.backToSignIn')}
      </Button>
    </AuthLayout>
  );
}
