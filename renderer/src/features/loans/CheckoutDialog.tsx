import { Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanDesk, LoanView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  signatureName: string;
  note?: string;
}

interface Props {
  desk: LoanDesk;
  entry: LoanDesk['queue'][number] | null;
  onClose: () => void;
  onDone: (loan: LoanView) => void;
}

/** Hand-out against an approved request: the receiver signs for what goes out. */
export function CheckoutDialog({ desk, entry, onClose, onDone }: Props) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values>
      open={entry !== null}
      title={t('loans.checkoutTitle', { number: desk.archiveNumber })}
      initialValues={{ signatureName: entry?.requester.replace(/（.*$/, '') ?? '' }}
      okText={t('loans.checkout')}
      testId="checkout-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!entry) return;
        onDone(await call('loan:checkout', { requestId: entry.requestId, signature: { name: values.signatureName }, ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      {entry && (
        <>
          <Descriptions size="small" column={1} bordered className="dialog-block">
            <Descriptions.Item label={t('loans.dossier')}>{`${desk.archiveNumber} ${desk.dossierTitle}`}</Descriptions.Item>
            <Descriptions.Item label={t('loans.holder')}>{entry.requester}</Descriptions.Item>
            <Descriptions.Item label={t('loans.kind')}>{t(`loans.kinds.${entry.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('loans.period')}>{t('loans.periodDays', { count: entry.periodDays })}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="signatureName" label={t('loans.receiverSignature')} rules={[{ required: true, whitespace: true, message: t('loans.signatureRequired') }]}>
            <Input maxLength={40} data-testid="checkout-signature" />
          </Form.Item>
          <Form.Item name="note" label={t('loans.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
