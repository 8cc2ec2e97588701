import { Form, Input, type GetRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingView, InspectionView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useFocusWhenShown } from '../../lib/use-focus-when-shown';
import { FormDialog } from '../../ui/FormDialog';

/** A repair order (修复单) for a finding of a finished inspection. */
export function RepairOrderDialog({ finding, onClose, onSaved }: { finding: FindingView | null; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  const instructions = useFocusWhenShown<GetRef<typeof Input.TextArea>>();
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
        <Input.TextArea ref={instructions} rows={3} maxLength={500} data-testid="repair-instructions" />
      </Form.Item>
    </FormDialog>
  );
}
