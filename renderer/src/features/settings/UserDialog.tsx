import { App, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/contract';
import { assignableRoles, roleLabels, type Role } from '../../../../shared/permissions';
import { useArchiveSettings, useLevels } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { loginRules } from '../../lib/login-rules';
import { FormDialog } from '../../ui/FormDialog';
import { NewPasswordItem } from './NewPasswordItem';

interface Values {
  login: string;
  displayName: string;
  roles: Role[];
  departmentCode: string;
  clearance: number;
  password: string;
  mustChangePassword: boolean;
}

/** A new user (with an initial password), or changes to `user`. */
export function UserDialog({ user, open, onClose, onSaved }: { user: UserSummary | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useArchiveSettings();
  const { levels, label } = useLevels();
  const departments = useChannel('department:list', {}, open);
  const english = i18n.language === 'en';

  const save = async (values: Values) => {
    if (user) await call('user:update', { login: user.login, displayName: values.displayName, roles: values.roles, departmentCode: values.departmentCode, clearance: values.clearance });
    else await call('user:create', values);
    void message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormDialog<Values>
      open={open}
      title={user ? t('settings.editUser') : t('settings.addUser')}
      testId="user-dialog"
      requiredMark={false}
      onClose={onClose}
      onSubmit={save}
      initialValues={
        user
          ? { login: user.login, displayName: user.displayName, roles: user.roles, departmentCode: user.department?.code, clearance: user.clearance }
          : { roles: ['staff'], clearance: settings.defaultDossierLevel, mustChangePassword: true }
      }
    >
      <Form.Item name="login" label={t('settings.login')} rules={loginRules(t)}>
        <Input disabled={user !== null} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('settings.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('settings.displayName') }) }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="departmentCode" label={t('dossier.department')} rules={[{ required: true, message: t('common.required', { field: t('dossier.department') }) }]}>
        <Select options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} data-testid="user-department" />
      </Form.Item>
      <Form.Item name="roles" label={t('settings.roles')} rules={[{ required: true, message: t('common.required', { field: t('settings.roles') }) }]}>
        <Select mode="multiple" options={assignableRoles(settings.threeRoleSeparation).map((r) => ({ value: r, label: english ? roleLabels[r].en : roleLabels[r].zh }))} data-testid="user-roles" />
      </Form.Item>
      <Form.Item name="clearance" label={t('settings.clearance')}>
        <Select options={levels.map((_, rank) => ({ value: rank, label: label(rank) }))} data-testid="user-clearance" />
      </Form.Item>
      {!user && (
        <>
          <NewPasswordItem label={t('settings.initialPassword')} forNewAccount />
          <Form.Item name="mustChangePassword" valuePropName="checked">
            <Checkbox>{t('settings.forceChange')}</Checkbox>
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
