import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useArchiveSettings } from '../../app/ArchiveSettings';

/**
 * A password an administrator sets for someone else, with the archive's minimum length: a new
 * account's (no "last password" to differ from) or a reset one's.
 */
export function NewPasswordItem({ label, forNewAccount }: { label: string; forNewAccount: boolean }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const min = settings.passwordMinLength;
  return (
    <Form.Item
      name="password"
      label={label}
      extra={t(forNewAccount ? 'password.hintNew' : 'password.hint', { min })}
      rules={[
        { required: true, message: t('common.required', { field: label }) },
        { min, message: t('setup.passwordTooShort', { min }) },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
