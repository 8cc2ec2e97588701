import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/contract';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';

/** An administrator gives a user a new password: a reset, or re-enabling a disabled account. */
export function SetPasswordDialog({ user, onClose, onSaved }: { user: UserSummary | null; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useArchiveSettings();
  const [form] = Form.useForm<{ password: string; mustChangePassword: boolean }>();

  const save = async () => {
    if (!user) return;
    const values = await form.validateFields();
    try {
      const channel = user.status === 'disabled' ? 'user:enable' : 'user:reset-password';
      await call(channel, { login: user.login, password: values.password, mustChangePassword: values.mustChangePassword });
      void message.success(t('common.saved'));
      onSaved();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  return (
    <Modal open={user !== null} title={user ? t('settings.newPasswordFor', { name: user.displayName }) : ''} okText={t('common.save')} onOk={() => void save().catch(() => undefined)} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ mustChangePassword: true }}>
        <Form.Item
          name="password"
          label={t('password.new')}
          extra={t('password.hint', { min: settings.passwordMinLength })}
          rules={[
            { required: true, message: t('common.required', { field: t('password.new') }) },
            { min: settings.passwordMinLength, message: t('setup.passwordTooShort', { min: settings.passwordMinLength }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>{t('settings.forceChange')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
