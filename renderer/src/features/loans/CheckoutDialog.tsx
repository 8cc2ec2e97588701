import { Alert, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanDesk, LoanView, Signature } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { SignatureField } from '../../ui/SignatureField';
import { signedRule } from '../../ui/signature-rule';
import type { DeskAction } from './desk-action';

interface Values {
  signature: Signature;
  handedOverBy?: Signature;
  note?: string;
}

interface Props {
  desk: LoanDesk;
  entry: LoanDesk['queue'][number] | null;
  /** checkout: the dossier is in; renew: the holder's own loan request (续借); pass-on: from the holder to this requester (转借). */
  action: DeskAction;
  onClose: () => void;
  onDone: (loan: LoanView) => void;
}

/**
 * Hand-out against an approved request, the holder's renewal, or passing it on from the holder: the
 * receiver signs for what goes out – the name, and by hand if he will; passed on, the holder signs
 * for handing it over.
 */
export function CheckoutDialog({ desk, entry, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const renewal = action === 'renew';
  const passOn = action === 'pass-on';
  const verb = t(renewal ? 'loans.renew' : passOn ? 'loans.passOn' : 'loans.checkout');
  return (
    <FormDialog<Values>
      open={entry !== null}
      title={t(renewal ? 'loans.renewTitle' : passOn ? 'loans.passOnTitle' : 'loans.checkoutTitle', { number: desk.archiveNumber })}
      initialValues={{ signature: { name: entry?.requester.replace(/（.*$/, '') ?? '' }, ...(passOn ? { handedOverBy: { name: desk.openLoan?.borrower?.displayName ?? desk.openLoan?.outsider?.name ?? '' } } : {}) }}
      okText={verb}
      testId="checkout-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!entry) return;
        onDone(await call('loan:checkout', { requestId: entry.requestId, signature: values.signature, ...(passOn && values.handedOverBy ? { handedOverBy: values.handedOverBy } : {}), ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      {entry && (
        <>
          {renewal && <Alert type="info" showIcon title={t('loans.renewHint')} className="dialog-block" />}
          {passOn && <Alert type="info" showIcon title={t('loans.passOnHint')} className="dialog-block" />}
          <Descriptions size="small" column={1} bordered className="dialog-block">
            <Descriptions.Item label={t('loans.dossier')}>{`${desk.archiveNumber} ${desk.dossierTitle}`}</Descriptions.Item>
            <Descriptions.Item label={t('loans.holder')}>{entry.requester}</Descriptions.Item>
            <Descriptions.Item label={t('loans.kind')}>{t(`loans.kinds.${entry.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('loans.period')}>{t('loans.periodDays', { count: entry.periodDays })}</Descriptions.Item>
          </Descriptions>
          {passOn && (
            <Form.Item name="handedOverBy" label={t('loans.handedOverBy')} rules={[signedRule(t('loans.signatureRequired'))]}>
              <SignatureField testId="handed-over-signature" />
            </Form.Item>
          )}
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
