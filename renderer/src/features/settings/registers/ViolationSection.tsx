import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, InputNumber, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSettings, type DepartmentSummary, type DossierTypeView } from '../../../../../shared/contract';
import { violationUnitLabels, type ViolationEscalation, type ViolationRule } from '../../../../../shared/violation-rules';
import { useArchiveSettings } from '../../../app/ArchiveSettings';
import { archiveNames } from './archive-names';
import { DefaultTag } from './DefaultTag';
import { EscalationList } from './EscalationList';
import { RestoreDefaults } from './RestoreDefaults';
import { RowMoves } from './RowMoves';
import { defaultState } from './settings-changes';
import { clearChangedErrors } from './form-issues';
import { useFormSave } from './use-settings-save';
import { entryPath, rulesOf, violationEntries, type ViolationEntry } from './violation-form';
import { ViolationRuleDialog } from './ViolationRuleDialog';
import { repeatWords, triggerWords } from './violation-words';
import { pick, wordsOf } from './words';

interface Values {
  entries: ViolationEntry[];
  escalation: ViolationEscalation[];
}

interface Props {
  mayEdit: boolean;
  types: readonly DossierTypeView[];
  departments: readonly DepartmentSummary[];
}

const shipped = defaultSettings.violationRules;

/**
 * 违规: the violation rules in force (PN-01…PN-08) in words, each switched on or off, its fine
 * edited in place and the rest in a dialog; the monthly escalation (PN-06) as rows. Saved as one.
 */
function ViolationSectionForm({ mayEdit, types, departments }: Props) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const names = archiveNames(types, departments, words);
  const { settings } = useArchiveSettings();
  const [form] = Form.useForm<Values>();
  // preserve: the whole rules, not only the fields shown (the amount, the switch).
  const entries = (Form.useWatch('entries', { form, preserve: true }) as ViolationEntry[] | undefined) ?? [];
  const { submit, failure } = useFormSave(form, (path) => entryPath(path, entries));
  /** The dialog, and the place of the entry it edits (null: a new rule). */
  const [editing, setEditing] = useState<{ open: boolean; index: number | null }>({ open: false, index: null });
  const edited = editing.index === null ? null : (entries[editing.index]?.rule ?? null);

  const save = () => {
    const values = form.getFieldsValue(true) as Values;
    void submit({ violationRules: { rules: rulesOf(values.entries), escalation: values.escalation } });
  };

  return (
    <>
      <Form<Values> form={form} onValuesChange={(changed: object) => clearChangedErrors(form, changed)} layout="vertical" disabled={!mayEdit} initialValues={{ entries: violationEntries(settings.violationRules, shipped), escalation: settings.violationRules.escalation }} onFinish={save} data-testid="violation-settings">
        <Flex justify="space-between" align="start" gap={12}>
          <Typography.Paragraph type="secondary">{t('registerSettings.violationHint')}</Typography.Paragraph>
          {mayEdit && <RestoreDefaults defaults={{ violationRules: shipped }} question={t('registerSettings.restoreViolations')} testId="restore-violations" />}
        </Flex>
        {failure && <Alert type="error" showIcon title={failure} className="form-alert" />}
        <Card
          size="small"
          title={t('registerSettings.violationRules')}
          extra={
            mayEdit && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing({ open: true, index: null })} data-testid="add-violation-rule">
                {t('registerSettings.addViolationRule')}
              </Button>
            )
          }
        >
          <Form.List name="entries">
            {(fields, { move }, { errors }) => (
              <>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={fields}
                  data-testid="violation-rules"
                  rowClassName={(field) => (entries[field.name]?.on ? '' : 'muted')}
                  columns={[
                    {
                      title: t('registerSettings.inForce'),
                      key: 'on',
                      width: 70,
                      render: (_, field) => (
                        <Form.Item name={[field.name, 'on']} valuePropName="checked" style={{ margin: 0 }}>
                          <Switch size="small" aria-label={`${entries[field.name]?.rule.code ?? ''} ${t('registerSettings.inForce')}`} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('registerSettings.rule'),
                      key: 'rule',
                      render: (_, field) => {
                        const rule = entries[field.name]?.rule;
                        if (!rule) return null;
                        return (
                          <>
                            <Typography.Text strong>{rule.code}</Typography.Text> {rule.name} <DefaultTag state={defaultState(rule, shipped.rules.find((d) => d.code === rule.code))} />
                          </>
                        );
                      },
                    },
                    { title: t('registerSettings.trigger'), key: 'trigger', width: 250, render: (_, field) => { const rule = entries[field.name]?.rule; return rule ? triggerWords(rule, names, words) : null; } },
                    {
                      title: t('registerSettings.amount'),
                      key: 'amount',
                      width: 190,
                      render: (_, field) => {
                        const rule = entries[field.name]?.rule;
                        return (
                          <Form.Item name={[field.name, 'rule', 'amount']} style={{ margin: 0 }} rules={[{ required: true, message: t('common.required', { field: t('registerSettings.amount') }) }]}>
                            <InputNumber min={0} max={100000} precision={2} style={{ width: 170 }} suffix={rule ? `${t('registerSettings.yuan')}/${pick(violationUnitLabels[rule.per], words)}` : undefined} aria-label={`${rule?.code ?? ''} ${t('registerSettings.amount')}`} />
                          </Form.Item>
                        );
                      },
                    },
                    { title: t('registerSettings.repeat'), key: 'repeat', width: 180, render: (_, field) => { const rule = entries[field.name]?.rule; return rule ? repeatWords(rule, words) : null; } },
                    ...(mayEdit
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'actions',
                            width: 130,
                            render: (_: unknown, field: { name: number }, index: number) => (
                              <Space size={0}>
                                <Button type="link" size="small" onClick={() => setEditing({ open: true, index: field.name })}>
                                  {t('common.edit')}
                                </Button>
                                <RowMoves index={index} count={fields.length} onMove={move} />
                              </Space>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
          <Alert type="info" showIcon title={t('registerSettings.onOffHint')} style={{ marginTop: 12 }} />
        </Card>
        <Card size="small" title={t('registerSettings.escalation')} style={{ marginTop: 16 }}>
          <EscalationList departments={departments} names={names} mayEdit={mayEdit} />
        </Card>
        {mayEdit && (
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} data-testid="save-violation-settings">
            {t('common.save')}
          </Button>
        )}
      </Form>
      {/* A rule added in the dialog, or changed there: into the list, saved with the section. */}
      <ViolationRuleDialog
        open={editing.open}
        rule={edited}
        otherCodes={entries.filter((_, i) => i !== editing.index).map((entry) => entry.rule.code)}
        types={types}
        departments={departments}
        onClose={() => setEditing((shown) => ({ ...shown, open: false }))}
        onDone={(rule: ViolationRule) => {
          if (editing.index === null) form.setFieldValue('entries', [...entries, { on: true, rule }]);
          else form.setFieldValue(['entries', editing.index, 'rule'], rule);
          setEditing((shown) => ({ ...shown, open: false }));
        }}
      />
    </>
  );
}

export function ViolationSection(props: Props) {
  const { settings } = useArchiveSettings();
  return <ViolationSectionForm key={JSON.stringify(settings.violationRules)} {...props} />;
}
