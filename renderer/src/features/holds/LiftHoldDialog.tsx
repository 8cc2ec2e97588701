import { App, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOLD_LIMITS, type HoldView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  reason: string;
}

/** 解除诉讼保全: the hold shown, and why it is lifted. */
export function LiftHoldDialog({ hold, onClose, onLifted }: { hold: HoldView | null; onClose: () => void; onLifted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    if (!hold) return;
    await call('hold:lift', { holdId: hold.id, reason: values.reason });
    void message.success(t('holds.lifted', { number: hold.archiveNumber }));
    onLifted();
  };

  return (
    <FormDialog<Values> open={hold !== null} title={t('holds.liftTitle', { number: hold?.archiveNumber ?? '' })} okText={t('holds.lift')} testId="lift-hold-dialog" initialValues={{}} onSubmit={submit} onClose={onClose}>
      {hold && (
        <Descriptions size="small" column={1} className="form-alert">
          <Descriptions.Item label={t('holds.reason')}>{hold.reason}</Descriptions.Item>
          {hold.caseNumber && <Descriptions.Item label={t('holds.caseNumber')}>{hold.caseNumber}</Descriptions.Item>}
          <Descriptions.Item label={t('holds.placedBy')}>{`${hold.placedBy} · ${formatDateTime(hold.placedAt)}`}</Descriptions.Item>
        </Descriptions>
      )}
      <Form.Item name="reason" label={t('holds.liftReason')} rules={[{ required: true, whitespace: true, message: t('holds.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={HOLD_LIMITS.reason} data-testid="lift-reason" />
      </Form.Item>
    </FormDialog>
  );
}
