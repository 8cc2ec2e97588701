import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOLD_LIMITS } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  reason: string;
  caseNumber?: string;
}

/** 采取诉讼保全: why, and the case number when there is one. Opens empty for every dossier. */
export function PlaceHoldDialog({ archiveNumber, open, onClose, onPlaced }: { archiveNumber: string; open: boolean; onClose: () => void; onPlaced: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const submit = async (values: Values) => {
    await call('hold:place', { archiveNumber, reason: values.reason, ...(values.caseNumber ? { caseNumber: values.caseNumber } : {}) });
    void message.success(t('holds.placed', { number: archiveNumber }));
    onPlaced();
  };

  return (
    <FormDialog<Values> open={open} title={t('holds.placeTitle', { number: archiveNumber })} okText={t('holds.place')} testId="place-hold-dialog" initialValues={{}} onSubmit={submit} onClose={onClose}>
      <Form.Item name="reason" label={t('holds.reason')} rules={[{ required: true, whitespace: true, message: t('holds.reasonRequired') }]} extra={t('holds.reasonHint')}>
        <Input.TextArea rows={3} maxLength={HOLD_LIMITS.reason} data-testid="hold-reason" />
      </Form.Item>
      <Form.Item name="caseNumber" label={t('holds.caseNumber')}>
        <Input maxLength={HOLD_LIMITS.caseNumber} placeholder={t('holds.casePlaceholder')} data-testid="hold-case" />
      </Form.Item>
    </FormDialog>
  );
}
