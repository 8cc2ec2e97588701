import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InspectionView, RepairView } from '../../../../shared/contract';
import { repairOutcomes, type RepairOutcome } from '../../../../shared/inspections';
import { call } from '../../lib/api';
import { DAY_FORMATS } from '../../lib/typed-day';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  outcome: RepairOutcome;
  repairedBy: string;
  repairedOn: Dayjs;
  note: string;
}

/** How a repair order ended – recorded once. */
export function RepairOutcomeDialog({ repair, onClose, onSaved }: { repair: RepairView | null; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values>
      open={repair !== null}
      title={repair ? t('inspections.outcomeTitle', { id: repair.id }) : ''}
      initialValues={{ outcome: 'repaired', repairedBy: '', repairedOn: dayjs(), note: '' }}
      okText={t('inspections.recordOutcome')}
      testId="repair-outcome-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (repair) onSaved(await call('inspection:repair-outcome', { orderId: repair.id, outcome: values.outcome, repairedBy: values.repairedBy.trim(), repairedOn: values.repairedOn.format('YYYY-MM-DD'), note: values.note.trim() || null }));
      }}
    >
      {(form) => (
        <>
          <Form.Item name="outcome" label={t('inspections.outcome')}>
            <Radio.Group data-testid="repair-outcome" options={repairOutcomes.map((o) => ({ value: o, label: t(`inspections.outcomes.${o}`) }))} />
          </Form.Item>
          <Form.Item name="repairedBy" label={t('inspections.repairedBy')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={32} data-testid="repaired-by" />
          </Form.Item>
          <Form.Item name="repairedOn" label={t('inspections.repairedOn')} rules={[{ required: true }]}>
            <DatePicker format={DAY_FORMATS} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="repaired-on" />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('inspections.note')}
            dependencies={['outcome']}
            rules={[{ validator: async (_rule, value: string | undefined) => (form.getFieldValue('outcome') !== 'repaired' && !value?.trim() ? Promise.reject(new Error(t('inspections.outcomeNoteHint'))) : undefined) }]}
          >
            <Input.TextArea rows={2} maxLength={500} placeholder={t('inspections.outcomeNoteHint')} data-testid="repair-note" />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
