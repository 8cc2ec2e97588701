import { App, Checkbox, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { NewPasswordItem } from './NewPasswordItem';

interface Values {
  password: string;
  mustChangePassword: boolean;
}

/** An administrator gives a user a new password: a reset, or re-enabling a disabled account. */
export function SetPasswordDialog({ user, onClose, onSaved }: { user: UserSummary | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const save = async (values: Values) => {
    if (!user) return;
    const channel = user.status === 'disabled' ? 'user:enable' : 'user:reset-password';
    await call(channel, { login: user.login, password: values.password, mustChangePassword: values.mustChangePassword });
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormDialog<Values> open={user !== null} title={user ? t('settings.newPasswordFor', { name: user.displayName }) : ''} requiredMark={false} initialValues={{ mustChangePassword: true }} onSubmit={save} onClose={onClose} testId="password-dialog">
      <NewPasswordItem label={t('password.new')} forNewAccount={false} />
      <Form.Item name="mustChangePassword" valuePropName="checked">
        <Checkbox>{t('settings.forceChange')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
