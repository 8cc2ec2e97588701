import { Form, Input, InputNumber, Radio, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionCheckView, InspectionView } from '../../../../shared/contract';
import { checkItemLabels, checkItems, measuredItems, type CheckItem, type CheckStatus } from '../../../../shared/inspections';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

type Values = { checks: Record<CheckItem, { status: CheckStatus; reading: number | null; note: string }> };

/** What the form starts with: the saved checklist, the rest OK with no reading. */
function checklistValues(saved: readonly InspectionCheckView[]): Values {
  const byItem = new Map(saved.map((c) => [c.item, c]));
  const checks = Object.fromEntries(
    checkItems.map((item) => {
      const check = byItem.get(item);
      return [item, { status: check?.status ?? 'ok', reading: check?.reading ?? null, note: check?.note ?? '' }];
    }),
  ) as Values['checks'];
  return { checks };
}

/** The whole checklist of an open inspection, item by item: OK or a problem with its note, readings for humidity and temperature. */
export function ChecklistDialog({ inspection, open, onClose, onSaved }: { inspection: InspectionView; open: boolean; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <FormDialog<Values>
      open={open}
      title={t('inspections.editChecklist')}
      initialValues={checklistValues(inspection.checks)}
      width={820}
      testId="checklist-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        const checks = checkItems.map((item) => {
          const v = values.checks[item];
          return { item, status: v.status, reading: measuredItems[item] ? (v.reading ?? null) : null, note: v.note.trim() || null };
        });
        onSaved(await call('inspection:save-checks', { id: inspection.id, checks }));
      }}
    >
      {(form) => (
        <Table<CheckItem>
          size="small"
          pagination={false}
          rowKey={(item) => item}
          dataSource={[...checkItems]}
          columns={[
            { title: t('inspections.checkItem'), width: 150, render: (_, item) => checkItemLabels[item][language] },
            {
              title: t('inspections.reading'),
              width: 140,
              render: (_, item) => {
                const range = measuredItems[item];
                if (!range) return null;
                return (
                  <Form.Item name={['checks', item, 'reading']} style={{ margin: 0 }} rules={[{ required: true, message: t('inspections.readingRequired') }]}>
                    <InputNumber min={range.min} max={range.max} step={0.5} suffix={range.unit} style={{ width: 120 }} aria-label={`${checkItemLabels[item][language]} ${t('inspections.reading')}`} data-testid={`reading-${item}`} />
                  </Form.Item>
                );
              },
            },
            {
              title: t('inspections.result'),
              width: 170,
              render: (_, item) => (
                <Form.Item name={['checks', item, 'status']} style={{ margin: 0 }}>
                  <Radio.Group optionType="button" size="small" data-testid={`status-${item}`} options={[{ value: 'ok', label: t('inspections.statuses.ok') }, { value: 'problem', label: t('inspections.statuses.problem') }]} />
                </Form.Item>
              ),
            },
            {
              title: t('inspections.note'),
              render: (_, item) => (
                <Form.Item
                  name={['checks', item, 'note']}
                  style={{ margin: 0 }}
                  dependencies={[['checks', item, 'status']]}
                  rules={[{ validator: async (_rule, value: string | undefined) => (form.getFieldValue(['checks', item, 'status']) === 'problem' && !value?.trim() ? Promise.reject(new Error(t('inspections.notePlaceholder'))) : undefined) }]}
                >
                  <Input maxLength={500} placeholder={t('inspections.notePlaceholder')} aria-label={`${checkItemLabels[item][language]} ${t('inspections.note')}`} data-testid={`note-${item}`} />
                </Form.Item>
              ),
            },
          ]}
        />
      )}
    </FormDialog>
  );
}
