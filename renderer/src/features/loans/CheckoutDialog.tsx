import { Alert, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanDesk, LoanView, Signature } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { SignatureField } from '../../ui/SignatureField';
import { signedRule } from '../../ui/signature-rule';

interface Values {
  signature: Signature;
  note?: string;
}

interface Props {
  desk: LoanDesk;
  entry: LoanDesk['queue'][number] | null;
  /** The holder's own approved loan request: the loan is renewed (续借) – closed and opened again. */
  renewal: boolean;
  onClose: () => void;
  onDone: (loan: LoanView) => void;
}

/** Hand-out against an approved request, or the holder's renewal: the receiver signs for what goes out – the name, and by hand if he will. */
export function CheckoutDialog({ desk, entry, renewal, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const action = renewal ? t('loans.renew') : t('loans.checkout');
  return (
    <FormDialog<Values>
      open={entry !== null}
      title={t(renewal ? 'loans.renewTitle' : 'loans.checkoutTitle', { number: desk.archiveNumber })}
      initialValues={{ signature: { name: entry?.requester.replace(/（.*$/, '') ?? '' } }}
      okText={action}
      testId="checkout-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!entry) return;
        onDone(await call('loan:checkout', { requestId: entry.requestId, signature: values.signature, ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      {entry && (
        <>
          {renewal && <Alert type="info" showIcon title={t('loans.renewHint')} className="dialog-block" />}
          <Descriptions size="small" column={1} bordered className="dialog-block">
            <Descriptions.Item label={t('loans.dossier')}>{`${desk.archiveNumber} ${desk.dossierTitle}`}</Descriptions.Item>
            <Descriptions.Item label={t('loans.holder')}>{entry.requester}</Descriptions.Item>
            <Descriptions.Item label={t('loans.kind')}>{t(`loans.kinds.${entry.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('loans.period')}>{t('loans.periodDays', { count: entry.periodDays })}</Descriptions.Item>
          </Descriptions>
          <Form.Item name="signature" label={t('loans.receiverSignature')} rules={[signedRule(t('loans.signatureRequired'))]}>
            <SignatureField testId="checkout-signature" />
          </Form.Item>
          <Form.Item name="note" label={t('loans.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
