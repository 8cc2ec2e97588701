import { Form, Input, InputNumber, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { findingIssueLabels, findingIssues, type FindingIssue, type LoanView, type Signature } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';
import { SignatureField } from '../../ui/SignatureField';
import { signedRule } from '../../ui/signature-rule';
import { holderLabel } from './LoanTable';

type Check = 'complete' | FindingIssue;

interface Values {
  checks: Record<string, { check: Check; pagesBack?: number; note?: string }>;
  signature: Signature;
  note?: string;
}

/**
 * Takes a loan back: each document that went out is checked against the 卷内目录 – complete,
 * missing, pages missing (how many came back) or damaged – and the returner signs: the name, and
 * by hand if he will.
 */
export function ReturnDialog({ loan, onClose, onDone }: { loan: LoanView | null; onClose: () => void; onDone: (loan: LoanView) => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const checks: Values['checks'] = Object.fromEntries((loan?.documents ?? []).map((d) => [String(d.id), { check: 'complete' }]));
  return (
    <FormDialog<Values>
      open={loan !== null}
      title={loan ? t('loans.returnTitle', { number: loan.archiveNumber, id: loan.id }) : ''}
      initialValues={{ checks, signature: { name: loan?.borrower?.displayName ?? loan?.outsider?.name ?? '' } }}
      okText={t('loans.takeBack')}
      width={760}
      testId="return-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        if (!loan) return;
        const findings = Object.entries(values.checks)
          .filter(([, c]) => c.check !== 'complete')
          .map(([id, c]) => ({
            documentId: Number(id),
            issue: c.check as FindingIssue,
            ...(c.check === 'pages-missing' && c.pagesBack !== undefined ? { pagesBack: c.pagesBack } : {}),
            ...(c.note ? { note: c.note } : {}),
          }));
        onDone(await call('loan:return', { loanId: loan.id, findings, signature: values.signature, ...(values.note ? { note: values.note } : {}) }));
      }}
    >
      {(form) =>
        loan && (
          <>
            <p className="dialog-subtitle">{`${loan.dossierTitle} · ${holderLabel(loan)} · ${t('loans.dueOn')} ${loan.dueOn}${loan.overdueDays > 0 ? ` · ${t('loans.overdueBy', { count: loan.overdueDays })}` : ''}`}</p>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={loan.documents}
              data-testid="return-checklist"
              locale={{ emptyText: t('loans.noDocuments') }}
              columns={[
                { title: t('loans.document'), dataIndex: 'title' },
                { title: t('loans.pagesOut'), dataIndex: 'pages', width: 80 },
                {
                  title: t('loans.check'),
                  key: 'check',
                  width: 130,
                  render: (_, d) => (
                    <Form.Item name={['checks', String(d.id), 'check']} noStyle>
                      <Select
                        size="small"
                        options={[{ value: 'complete', label: t('loans.complete') }, ...findingIssues.map((issue) => ({ value: issue, label: english ? findingIssueLabels[issue].en : findingIssueLabels[issue].zh }))]}
                        data-testid={`check-${d.id}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('loans.pagesBack'),
                  key: 'pagesBack',
                  width: 100,
                  render: (_, d) => (
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['checks', String(d.id), 'check']) === 'pages-missing' ? (
                          <Form.Item name={['checks', String(d.id), 'pagesBack']} noStyle rules={[{ required: true }]}>
                            <InputNumber size="small" min={0} max={d.pages - 1} data-testid={`pages-back-${d.id}`} />
                          </Form.Item>
                        ) : null
                      }
                    </Form.Item>
                  ),
                },
                {
                  title: t('loans.findingNote'),
                  key: 'note',
                  render: (_, d) => (
                    <Form.Item name={['checks', String(d.id), 'note']} noStyle>
                      <Input size="small" maxLength={200} />
                    </Form.Item>
                  ),
                },
              ]}
            />
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
