import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../../../shared/permissions';
import { approvingRoles } from './routing-rule-form';
import { pick, wordsOf } from './words';

const MAX_APPROVERS = 4;
const MAX_NEXT_LEVELS = 3;

/** A routing rule's approvers, a row each: the role, whose holders decide (the dossier's department or any), and the next levels in turn. */
export function ApproverList() {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const form = Form.useFormInstance();
  const roleOptions = approvingRoles.map((role) => ({ value: role, label: pick(roleLabels[role], words) }));
  /** The core's "no approver" stays beside the list until the list changes. */
  const changing = (change: () => void) => () => {
    change();
    form.setFields([{ name: ['approvers'], errors: [] }]);
  };
  return (
    <Form.List name="approvers">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, row) => (
            <Flex key={field.key} gap={8} align="start" data-testid="rule-approver">
              <Form.Item name={[field.name, 'role']} label={row === 0 ? t('registerSettings.approverRole') : undefined} rules={[{ required: true, message: t('registerSettings.roleRequired') }]}>
                <Select style={{ width: 170 }} options={roleOptions} aria-label={t('registerSettings.approverRole')} />
              </Form.Item>
              <Form.Item name={[field.name, 'department']} label={row === 0 ? t('registerSettings.scope') : undefined}>
                <Select
                  style={{ width: 150 }}
                  aria-label={t('registerSettings.scope')}
                  options={[
                    { value: 'dossier', label: t('registerSettings.scopeDossier') },
                    { value: 'any', label: t('registerSettings.scopeAny') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'fallback']} label={row === 0 ? t('registerSettings.fallback') : undefined} style={{ flex: 1, minWidth: 200 }} tooltip={row === 0 ? t('registerSettings.fallbackHint') : undefined}>
                <Select mode="multiple" allowClear maxCount={MAX_NEXT_LEVELS} placeholder={t('common.none')} options={roleOptions} aria-label={t('registerSettings.fallback')} />
              </Form.Item>
              <Form.Item label={row === 0 ? ' ' : undefined}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={changing(() => remove(field.name))} aria-label={t('registerSettings.removeApprover')} />
              </Form.Item>
            </Flex>
          ))}
          <Form.Item>
            {fields.length < MAX_APPROVERS && (
              <Button icon={<PlusOutlined />} onClick={changing(() => add({ role: 'general-manager', department: 'any', fallback: [] }))} data-testid="add-approver">
                {t('registerSettings.addApprover')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
