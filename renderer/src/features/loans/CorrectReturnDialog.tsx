import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LoanView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { checksFrom, FindingsChecklist, findingsFrom, type Checks } from './FindingsChecklist';

interface Values {
  checks: Checks;
  reason: string;
}

/**
 * Corrects what a return recorded (CF-13): the return stays as written, the correction – with its
 * reason – is a new entry that refers to it and counts from now on.
 */
export function CorrectReturnDialog({ loan, onClose, onDone }: { loan: LoanView | null; onClose: () => void; onDone: (loan: LoanView) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values>
      open={loan !== null}
      title={loan ? t('loans.correctTitle', { number: loan.archiveNumber, id: loan.id }) : ''}
      initialValues={{ checks: checksFrom(loan, loan?.returned?.findings ?? []) }}
      okText={t('loans.correct')}
      width={760}
      testId="correct-return-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!loan) return;
        onDone(await call('loan:correct-return', { loanId: loan.id, findings: findingsFrom(values.checks), reason: values.reason }));
      }}
    >
      {(form) =>
        loan && (
          <>
            <Alert type="info" showIcon className="dialog-block" title={t('loans.correctHint')} />
            <FindingsChecklist loan={loan} form={form} />
            <Form.Item name="reason" label={t('loans.correctReason')} rules={[{ required: true, whitespace: true, message: t('loans.correctReasonRequired') }]} className="dialog-block">
              <Input.TextArea rows={2} maxLength={500} data-testid="correct-reason" />
            </Form.Item>
          </>
        )
      }
    </FormDialog>
  );
}
