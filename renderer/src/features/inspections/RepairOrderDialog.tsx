import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingView, InspectionView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

/** A repair order (修复单) for a finding of a finished inspection. */
export function RepairOrderDialog({ finding, onClose, onSaved }: { finding: FindingView | null; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ instructions: string }>
      open={finding !== null}
      title={finding ? t('inspections.orderTitle', { number: finding.archiveNumber }) : ''}
      initialValues={{ instructions: '' }}
      okText={t('inspections.orderRepair')}
      testId="repair-order-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (finding) onSaved(await call('inspection:repair-order', { findingId: finding.id, instructions: values.instructions.trim() }));
      }}
    >
      <Form.Item name="instructions" label={t('inspections.instructions')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea rows={3} maxLength={500} autoFocus data-testid="repair-instructions" />
      </Form.Item>
    </FormDialog>
  );
}
