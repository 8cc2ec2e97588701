import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/SessionProvider';
import { errorText } from '../../lib/api';
import { AuthLayout } from '../../ui/AuthLayout';

interface LoginForm {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { dataDir, lockReason, lastLogin, login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values);
    } catch (failure) {
      setError(errorText(failure, i18n.language));
      form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  const notice = lockReason === 'idle' ? t('login.lockedIdle') : lockReason === 'manual' ? t('login.lockedManual') : null;

  return (
    <AuthLayout title={t('login.title')} dataDir={dataDir}>
      {notice && !error && <Alert type="info" showIcon title={notice} className="form-alert" data-testid="lock-notice" />}
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="form-error" />}
      <Form<LoginForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false} disabled={busy} initialValues={{ login: lastLogin }}>
        <Form.Item name="login" label={t('fields.login')} rules={[{ required: true, message: t('common.required', { field: t('fields.login') }) }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!lastLogin} />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('common.required', { field: t('fields.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" autoFocus={Boolean(lastLogin)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
