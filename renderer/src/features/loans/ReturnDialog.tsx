import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanView, Signature } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { SignatureField } from '../../ui/SignatureField';
import { signedRule } from '../../ui/signature-rule';
import { checksFrom, FindingsChecklist, findingsFrom, type Checks } from './FindingsChecklist';
import { holderLabel } from './LoanTable';

interface Values {
  checks: Checks;
  signature: Signature;
  note?: string;
}

/**
 * Takes a loan back: each document that went out is checked against the 卷内目录 – complete,
 * missing, pages missing (how many came back) or damaged – and the returner signs: the name, and
 * by hand if he will.
 */
export function ReturnDialog({ loan, onClose, onDone }: { loan: LoanView | null; onClose: () => void; onDone: (loan: LoanView) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values>
      open={loan !== null}
      title={loan ? t('loans.returnTitle', { number: loan.archiveNumber, id: loan.id }) : ''}
      initialValues={{ checks: checksFrom(loan), signature: { name: loan?.borrower?.displayName ?? loan?.outsider?.name ?? '' } }}
      okText={t('loans.takeBack')}
      width={760}
      testId="return-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!loan) return;
        onDone(await call('loan:return', { loanId: loan.id, findings: findingsFrom(values.checks), signature: values.signature, ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      {(form) =>
        loan && (
          <>
            <p className="dialog-subtitle">{`${loan.dossierTitle} · ${holderLabel(loan)} · ${t('loans.dueOn')} ${loan.dueOn}${loan.overdueDays > 0 ? ` · ${t('loans.overdueBy', { count: loan.overdueDays })}` : ''}`}</p>
            <FindingsChecklist loan={loan} form={form} />
            <Form.Item name="signature" label={t('loans.returnerSignature')} rules={[signedRule(t('loans.signatureRequired'))]} className="dialog-block">
              <SignatureField testId="return-signature" />
            </Form.Item>
            <Form.Item name="note" label={t('loans.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )
      }
    </FormDialog>
  );
}
