import { Alert, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { DAY_FORMATS } from '../../lib/typed-day';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  inspectedOn: Dayjs;
  inspectors: string[];
  remarks: string;
}

/** Finishes an inspection for good: the day inspected, who inspected (as they sign), remarks. */
export function FinishDialog({ inspection, open, onClose, onSaved }: { inspection: InspectionView; open: boolean; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values>
      open={open}
      title={t('inspections.finishTitle', { id: inspection.id })}
      initialValues={{ inspectedOn: dayjs(), inspectors: [], remarks: '' }}
      okText={t('inspections.finish')}
      testId="finish-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        onSaved(await call('inspection:finish', { id: inspection.id, inspectedOn: values.inspectedOn.format('YYYY-MM-DD'), inspectors: values.inspectors.map((n) => n.trim()).filter(Boolean), remarks: values.remarks.trim() || null }));
      }}
    >
      <Alert type="info" showIcon className="dialog-block" title={t('inspections.finishHint')} />
      <Form.Item name="inspectedOn" label={t('inspections.inspectedOn')} rules={[{ required: true }]}>
        <DatePicker format={DAY_FORMATS} disabledDate={(day) => day.isAfter(dayjs(), 'day')} data-testid="finish-date" />
      </Form.Item>
      <Form.Item name="inspectors" label={t('inspections.inspectors')} rules={[{ required: true, type: 'array', min: 1, message: t('inspections.inspectorsPlaceholder') }]}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder={t('inspections.inspectorsPlaceholder')} data-testid="finish-inspectors" />
      </Form.Item>
      <Form.Item name="remarks" label={t('inspections.remarks')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="finish-remarks" />
      </Form.Item>
    </FormDialog>
  );
}
