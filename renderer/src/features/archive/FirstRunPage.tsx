import { Alert, Button, Form, Input, Segmented, Spin, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/password-policy';
import { useSession } from '../../app/SessionProvider';
import { errorText } from '../../lib/api';
import { loginRules } from '../../lib/login-rules';
import { AuthLayout } from '../../ui/AuthLayout';
import { lazyNamed } from '../../lib/lazy';

// Loaded when chosen: it brings the staging contract (and zod) the first screen does without.
const RestoreFromBackup = lazyNamed(() => import('../backup/RestoreFromBackup'), 'RestoreFromBackup');

interface FirstRunForm {
  login: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the encrypted archive is created together with its administrator, or restored from a backup. */
export function FirstRunPage() {
  const { t, i18n } = useTranslation();
  const { dataDir, createArchive } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState(false);

  const submit = async (values: FirstRunForm) => {
    setBusy(true);
    setError(null);
    try {
      await createArchive({ admin: { login: values.login, displayName: values.displayName, password: values.password } });
    } catch (failure) {
      setError(errorText(failure, i18n.language));
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={restoring ? t('backup.restore') : t('setup.title')} dataDir={dataDir}>
      {/* Once restored, the archive exists: there is nothing left to choose. */}
      {!restored && (
        <Segmented
          block
          className="form-alert"
          value={restoring ? 'restore' : 'create'}
          onChange={(value) => setRestoring(value === 'restore')}
          options={[
            { value: 'create', label: t('backup.createNew') },
            { value: 'restore', label: t('backup.restore') },
          ]}
          data-testid="first-run-mode"
        />
      )}
      {restoring ? (
        <Suspense fallback={<Spin />}>
          <RestoreFromBackup onRestored={() => setRestored(true)} />
        </Suspense>
      ) : (
        <CreateArchiveForm busy={busy} error={error} submit={submit} />
      )}
    </AuthLayout>
  );
}

/** The new archive's administrator. */
function CreateArchiveForm({ busy, error, submit }: { busy: boolean; error: string | null; submit: (values: FirstRunForm) => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="form-error" />}
      <Form<FirstRunForm> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} disabled={busy}>
        <Typography.Title level={5}>{t('setup.adminSection')}</Typography.Title>
        <Form.Item
          name="login"
          label={t('fields.login')}
          rules={loginRules(t)}
        >
          <Input autoComplete="username" autoFocus placeholder="admin" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('fields.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('fields.displayName') }) },
            { max: 64, message: t('common.tooLong', { field: t('fields.displayName'), max: 64 }) },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          extra={t('setup.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          rules={[
            { required: true, message: t('common.required', { field: t('fields.password') }) },
            { min: PASSWORD_MIN_LENGTH, message: t('setup.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('common.required', { field: t('fields.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (!value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </>
  );
}
