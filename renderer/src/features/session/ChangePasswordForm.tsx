import { Alert, Button, Form, Input, type InputRef } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { useFocusWhenShown } from '../../lib/use-focus-when-shown';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

/** Current password, new password twice; the core applies the policy (length, no reuse). */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useArchiveSettings();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const currentField = useFocusWhenShown<InputRef>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('session:change-password', { currentPassword: values.current, newPassword: values.next });
      onChanged();
    } catch (failure) {
      setError(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const min = settings.passwordMinLength;
  return (
    <Form<Values> layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)} disabled={busy}>
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="password-error" />}
      <Form.Item name="current" label={t('password.current')} rules={[{ required: true, message: t('common.required', { field: t('password.current') }) }]}>
        <Input.Password ref={currentField} autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="next"
        label={t('password.new')}
        extra={t('password.hint', { min })}
        rules={[
          { required: true, message: t('common.required', { field: t('password.new') }) },
          { min, message: t('setup.passwordTooShort', { min }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['next']}
        rules={[
          { required: true, message: t('common.required', { field: t('password.confirm') }) },
          ({ getFieldValue }) => ({
            validator: (_rule, value) => (!value || getFieldValue('next') === value ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('password.title')}
      </Button>
    </Form>
  );
}
