import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/SessionProvider';
import { ApiError, errorText } from '../../lib/api';
import { AuthLayout } from '../../ui/AuthLayout';

interface LoginForm {
  login: string;
  password: string;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const { dataDir, lockReason, lastLogin, login } = useSession();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  // Damage met while signing in: an administrator may rebuild damaged indexes and sign in.
  const [damaged, setDamaged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  const submit = async (values: LoginForm, repairIndexes = false) => {
    setBusy(true);
    setError(null);
    try {
      const session = await login(repairIndexes ? { ...values, repairIndexes } : values);
      if (session.repaired) void message.success(t('login.repaired', { names: session.repaired.damaged.join(i18n.language === 'en' ? ', ' : '、') }));
    } catch (failure) {
      setError(errorText(failure, i18n.language));
      // Only damage a repair can mend offers it; the password stays for it (it was right).
      const rebuildable = failure instanceof ApiError && failure.code === 'ARCHIVE_DAMAGED' && failure.issues.some((issue) => issue.path === 'repairIndexes');
      setDamaged(rebuildable);
      if (!rebuildable) form.setFieldValue('password', '');
      setBusy(false);
    }
  };

  const repair = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) await submit(values, true);
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
        {damaged && (
          <Popconfirm title={t('login.repairConfirm')} onConfirm={() => void repair()}>
            <Button danger block className="login-repair" data-testid="login-repair">
              {t('login.repair')}
            </Button>
          </Popconfirm>
        )}
      </Form>
    </AuthLayout>
  );
}
