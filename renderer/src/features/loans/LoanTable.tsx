import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { continuationText, findingIssueLabels, type LoanView } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { LevelTag } from '../../ui/LevelTag';

const stateColors: Record<LoanView['state'], string> = { out: 'processing', overdue: 'error', returned: 'default' };

/** A signature as the register shows it: the name, and whether it was also drawn by hand. */
function SignedAs({ signature }: { signature: LoanView['borrowerSignature'] }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{`${t('loans.signedAs', { name: signature.name })}${signature.drawn ? `（${t('loans.handSigned')}）` : ''}`}</Typography.Text>;
}

export function holderLabel(loan: LoanView): string {
  if (loan.borrower) return `${loan.borrower.displayName}${loan.borrower.department ? `（${loan.borrower.department.name}）` : ''}`;
  return loan.outsider ? `${loan.outsider.name}（${loan.outsider.organisation}）` : '';
}

/** Entries of the loan register: who holds what since when, due when, overdue days, and the return with its findings. */
export function LoanTable({ loans, loading, total, page, onPage, onCorrect }: { loans: LoanView[]; loading: boolean; total: number; page: number; onPage: (page: number) => void; onCorrect?: ((loan: LoanView) => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Table<LoanView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={loans}
      data-testid="loan-register"
      pagination={{ current: page, pageSize: 50, total, showSizeChanger: false, onChange: onPage }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('loans.empty')} /> }}
      columns={[
        { title: t('loans.number'), dataIndex: 'id', width: 70 },
        { title: t('loans.state'), dataIndex: 'state', width: 80, render: (state: LoanView['state']) => <Tag color={stateColors[state]}>{t(`loans.states.${state}`)}</Tag> },
        { title: t('loans.kind'), dataIndex: 'kind', width: 60, render: (kind: LoanView['kind']) => t(`loans.kinds.${kind}`) },
        {
          title: t('loans.dossier'),
          key: 'dossier',
          render: (_, l) => (
            <Space orientation="vertical" size={0}>
              <Space size={4}>
                <Typography.Text strong className="nowrap">
                  {l.archiveNumber}
                </Typography.Text>
                <LevelTag rank={l.level} />
              </Space>
              <Typography.Text type="secondary">{l.dossierTitle}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('loans.holder'),
          key: 'holder',
          render: (_, l) => (
            <Space orientation="vertical" size={0}>
              <span>{holderLabel(l)}</span>
              <SignedAs signature={l.borrowerSignature} />
              {l.continues && <Typography.Text type="secondary">{continuationText(l.continues, 'continues', english ? 'en' : 'zh')}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('loans.handedOut'), dataIndex: 'handedOutAt', width: 140, render: formatDateTime },
        { title: t('loans.dueOn'), dataIndex: 'dueOn', width: 100 },
        { title: t('loans.overdueDays'), dataIndex: 'overdueDays', width: 80, render: (days: number) => (days > 0 ? <Typography.Text type="danger">{days}</Typography.Text> : '—') },
        {
          title: t('loans.returned'),
          key: 'returned',
          render: (_, l) =>
            l.returned ? (
              <Space orientation="vertical" size={0}>
                <span>{`${formatDateTime(l.returned.at)} · ${l.returned.receivedBy.displayName}`}</span>
                <SignedAs signature={l.returned.returnerSignature} />
                {l.returned.continuedBy && <Typography.Text type="secondary">{continuationText(l.returned.continuedBy, 'continuedBy', english ? 'en' : 'zh')}</Typography.Text>}
                {l.returned.note && <Typography.Text type="secondary">{l.returned.note}</Typography.Text>}
                {l.returned.findings.map((f) => (
                  <Typography.Text key={f.documentId} type="warning">
                    {`${f.title}：${english ? findingIssueLabels[f.issue].en : findingIssueLabels[f.issue].zh}${f.pagesBack !== undefined ? `（${f.pagesBack}/${f.pagesOut}）` : ''}${f.note ? ` ${f.note}` : ''}`}
                  </Typography.Text>
                ))}
                {l.returned.corrections.map((c, i) => (
                  <Tooltip key={i} title={`${formatDateTime(c.at)} · ${c.by.displayName}`}>
                    <Typography.Text type="secondary" data-testid="loan-correction">
                      {t('loans.correctedBy', { name: c.by.displayName, reason: c.reason })}
                    </Typography.Text>
                  </Tooltip>
                ))}
                {onCorrect && (
                  <Button type="link" size="small" className="inline-link" onClick={() => onCorrect(l)} data-testid={`correct-${l.id}`}>
                    {t('loans.correct')}
                  </Button>
                )}
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
