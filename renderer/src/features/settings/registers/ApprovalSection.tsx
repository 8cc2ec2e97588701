import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Flex, Form, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSettings } from '../../../../../shared/contract';
import { useArchiveSettings } from '../../../app/ArchiveSettings';
import { RestoreDefaults } from './RestoreDefaults';
import { RoutingRuleDialog } from './RoutingRuleDialog';
import { RoutingTable } from './RoutingTable';
import { RowMoves, moved } from './RowMoves';
import { clearChangedErrors } from './form-issues';
import { useFormSave, useSettingsAction } from './use-settings-save';

/** 审批有效期: how long an approval may wait to be used. */
function ValidDaysForm({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const [form] = Form.useForm<{ approvalValidDays: number }>();
  const { submit, failure } = useFormSave(form);
  return (
    <div>
      <Form form={form} layout="inline" onValuesChange={(changed: object) => clearChangedErrors(form, changed)} disabled={!mayEdit} initialValues={{ approvalValidDays: settings.approvalValidDays }} onFinish={(values) => void submit(values)}>
        <Form.Item name="approvalValidDays" label={t('registerSettings.approvalValidDays')}>
          <InputNumber min={1} max={90} precision={0} suffix={t('registerSettings.days')} data-testid="approval-valid-days" />
        </Form.Item>
        {mayEdit && (
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 8 }} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {t('registerSettings.approvalValidDaysHint', { days: defaultSettings.approvalValidDays })}
      </Typography.Paragraph>
    </div>
  );
}

/** 审批: the approval validity and the routing rules – who approves which request. */
export function ApprovalSection({ mayEdit }: { mayEdit: boolean }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const act = useSettingsAction();
  /** The dialog, and the place of the rule it edits (null: a new rule); the place stays while the dialog closes. */
  const [editing, setEditing] = useState<{ open: boolean; index: number | null }>({ open: false, index: null });
  const edit = (index: number | null) => setEditing({ open: true, index });
  const rules = settings.approvalRouting;
  const { approvalRouting, approvalValidDays } = defaultSettings;

  const actions = (_: unknown, index: number) => (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => edit(index)}>
        {t('common.edit')}
      </Button>
      <RowMoves index={index} count={rules.length} onMove={(from, to) => void act({ approvalRouting: moved(rules, from, to) })} />
      <Popconfirm title={t('registerSettings.removeRuleQuestion')} okText={t('registerSettings.remove')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void act({ approvalRouting: rules.filter((__, i) => i !== index) })}>
        <Button type="link" size="small" danger disabled={rules.length === 1}>
          {t('registerSettings.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Flex justify="space-between" align="start" gap={12}>
        <ValidDaysForm key={settings.approvalValidDays} mayEdit={mayEdit} />
        {mayEdit && <RestoreDefaults defaults={{ approvalRouting, approvalValidDays }} question={t('registerSettings.restoreApprovals')} testId="restore-approvals" />}
      </Flex>
      <Card
        size="small"
        title={t('registerSettings.routing')}
        extra={
          mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} disabled={rules.length >= 30} data-testid="add-routing-rule">
              {t('registerSettings.addRule')}
            </Button>
          )
        }
      >
        <Alert type="info" showIcon title={t('registerSettings.routingHint')} className="form-alert" />
        <RoutingTable rules={rules} actions={mayEdit ? actions : undefined} testId="routing-table" />
      </Card>
      <Collapse size="small" items={[{ key: 'defaults', label: t('registerSettings.defaultRules'), children: <RoutingTable rules={approvalRouting} testId="default-routing-table" /> }]} />
      <RoutingRuleDialog open={editing.open} index={editing.index} onClose={() => setEditing((shown) => ({ ...shown, open: false }))} />
    </Space>
  );
}
