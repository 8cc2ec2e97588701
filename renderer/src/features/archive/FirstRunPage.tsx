import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/password-policy';
import { useSession } from '../../app/SessionProvider';
import { errorText } from '../../lib/api';
import { loginRules } from '../../lib/login-rules';
import { AuthLayout } from '../../ui/AuthLayout';

interface FirstRunForm {
  login: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the encrypted archive is created together with its administrator. */
export function FirstRunPage() {
  const { t, i18n } = useTranslation();
  const { dataDir, createArchive } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    <AuthLayout title={t('setup.title')} dataDir={dataDir}>
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
    </AuthLayout>
  );
}
