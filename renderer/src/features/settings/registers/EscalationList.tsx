import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentSummary } from '../../../../../shared/contract';
import type { ViolationEscalation } from '../../../../../shared/violation-rules';
import { escalationWords, type Names } from './violation-words';
import { wordsOf } from './words';

const MAX_ENTRIES = 20;

/** PN-06 as rows: whose fines (departments) are multiplied, from which violation in a month, by how much – each also in words. */
export function EscalationList({ departments, names, mayEdit }: { departments: readonly DepartmentSummary[]; names: Names; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const form = Form.useFormInstance();
  const entries = (Form.useWatch('escalation', form) as ViolationEscalation[] | undefined) ?? [];
  const known = new Set(departments.map((d) => d.code));
  const stray = [...new Set(entries.flatMap((entry) => entry?.departments ?? []).filter((code) => !known.has(code)))];
  const options = [...departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })), ...stray.map((code) => ({ value: code, label: names.department(code) }))];
  return (
    <Form.List name="escalation">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, row) => {
            const entry = entries[field.name];
            return (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="escalation-row">
                <Form.Item name={[field.name, 'code']} label={row === 0 ? t('registerSettings.ruleCode') : undefined} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('registerSettings.ruleCode') }) }]}>
                  <Input maxLength={16} style={{ width: 100 }} aria-label={t('registerSettings.ruleCode')} />
                </Form.Item>
                <Form.Item name={[field.name, 'departments']} label={row === 0 ? t('registerSettings.escalationDepartments') : undefined} rules={[{ required: true, message: t('registerSettings.departmentsRequired') }]}>
                  <Select mode="multiple" style={{ width: 260 }} options={options} optionFilterProp="label" aria-label={t('registerSettings.escalationDepartments')} />
                </Form.Item>
                <Form.Item name={[field.name, 'fromCount']} label={row === 0 ? t('registerSettings.fromCount') : undefined}>
                  <InputNumber min={1} max={100} precision={0} style={{ width: 110 }} aria-label={t('registerSettings.fromCount')} />
                </Form.Item>
                <Form.Item name={[field.name, 'factor']} label={row === 0 ? t('registerSettings.factor') : undefined}>
                  <InputNumber min={1} max={10} step={0.5} suffix={t('registerSettings.times')} style={{ width: 100 }} aria-label={t('registerSettings.factor')} />
                </Form.Item>
                <Form.Item label={row === 0 ? ' ' : undefined} style={{ flex: 1, minWidth: 220 }}>
                  <Typography.Text type="secondary">{entry?.departments?.length && entry.fromCount && entry.factor ? escalationWords(entry, names, words) : ''}</Typography.Text>
                </Form.Item>
                {mayEdit && (
                  <Form.Item label={row === 0 ? ' ' : undefined}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('registerSettings.remove')} />
                  </Form.Item>
                )}
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('registerSettings.noEscalation')}</Typography.Paragraph>}
          {mayEdit && fields.length < MAX_ENTRIES && (
            <Button icon={<PlusOutlined />} onClick={() => add({ code: 'PN-06', departments: [], fromCount: 2, factor: 2 })} data-testid="add-escalation">
              {t('registerSettings.addEscalation')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
