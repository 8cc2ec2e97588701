import { Form, Input, InputNumber, Select, Table, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { findingIssueLabels, findingIssues, type Finding, type FindingIssue, type LoanView } from '../../../../shared/contract';

type Check = 'complete' | FindingIssue;

/** Per document that went out: complete, or what was found, with the pages that came back and a note. */
export type Checks = Record<string, { check: Check; pagesBack?: number; note?: string }>;

/** The form's checks for these findings (each document complete unless a finding says otherwise). */
export function checksFrom(loan: LoanView | null, findings: readonly Finding[] = []): Checks {
  return Object.fromEntries(
    (loan?.documents ?? []).map((d) => {
      const found = findings.find((f) => f.documentId === d.id);
      return [String(d.id), found ? { check: found.issue, ...(found.pagesBack !== undefined ? { pagesBack: found.pagesBack } : {}), ...(found.note ? { note: found.note } : {}) } : { check: 'complete' as Check }];
    }),
  );
}

export function findingsFrom(checks: Checks): Finding[] {
  return Object.entries(checks)
    .filter(([, c]) => c.check !== 'complete')
    .map(([id, c]) => ({
      documentId: Number(id),
      issue: c.check as FindingIssue,
      ...(c.check === 'pages-missing' && c.pagesBack !== undefined ? { pagesBack: c.pagesBack } : {}),
      ...(c.note ? { note: c.note } : {}),
    }));
}

/** The 卷内目录 of what went out, checked against what came back; the fields live under `checks`. */
export function FindingsChecklist({ loan, form }: { loan: LoanView; form: FormInstance }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
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
  );
}
