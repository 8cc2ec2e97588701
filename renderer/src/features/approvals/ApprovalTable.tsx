import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequestView } from '../../../../shared/contract';
import { LevelTag } from '../../ui/LevelTag';
import { formatDateTime } from '../../lib/format';
import { kindLabel, queueLines, requesterLabel, stateColors } from './request-labels';
import { RouteSteps } from './RouteSteps';

interface Props {
  requests: ApprovalRequestView[];
  loading?: boolean;
  /** Hide the dossier column (on the dossier's own page). */
  withinDossier?: boolean;
  onDecide?: (request: ApprovalRequestView) => void;
  onWithdraw?: (request: ApprovalRequestView) => void;
  /** The clerk records an approved copy or excerpt as made (the approval is used). */
  onRecordUse?: ((request: ApprovalRequestView) => void) | undefined;
  /** Whether the signed-in user may withdraw this one. */
  mayWithdraw?: (request: ApprovalRequestView) => boolean;
  emptyText: string;
  testId: string;
}

/** Entries of the approval register: what was asked, by whom, the route and its decisions, the state. */
export function ApprovalTable({ requests, loading, withinDossier, onDecide, onWithdraw, onRecordUse, mayWithdraw, emptyText, testId }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ApprovalRequestView>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={requests.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={requests}
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      columns={[
        { title: t('approvals.number'), dataIndex: 'id', width: 70 },
        {
          title: t('approvals.state'),
          dataIndex: 'state',
          width: 150,
          render: (state: ApprovalRequestView['state'], r: ApprovalRequestView) => (
            <Space orientation="vertical" size={0}>
              <Tag color={stateColors[state]}>{t(`approvals.states.${state}`)}</Tag>
              {state === 'approved' && (
                <Typography.Text type="secondary" className="nowrap">
                  {r.validUntil ? t('approvals.validUntilShown', { at: formatDateTime(r.validUntil) }) : t('approvals.waitsForDossier')}
                </Typography.Text>
              )}
              {r.queue && (
                <Typography.Text type="secondary" data-testid={`queue-${r.id}`}>
                  {queueLines(r, t).join('；')}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t('approvals.kind'), dataIndex: 'kind', width: 70, render: (kind: ApprovalRequestView['kind']) => kindLabel(kind, i18n.language) },
        ...(withinDossier
          ? []
          : [
              {
                title: t('approvals.dossier'),
                key: 'dossier',
                render: (_: unknown, r: ApprovalRequestView) => (
                  <Space orientation="vertical" size={0}>
                    <Space size={4}>
                      <Typography.Text strong>{r.archiveNumber}</Typography.Text>
                      <LevelTag rank={r.level} />
                    </Space>
                    <Typography.Text type="secondary">{r.dossierTitle}</Typography.Text>
                  </Space>
                ),
              },
            ]),
        { title: t('approvals.requester'), key: 'requester', render: (_, r) => requesterLabel(r) },
        {
          title: t('approvals.purpose'),
          key: 'purpose',
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <span>{r.purpose}</span>
              {r.periodDays !== null && <Typography.Text type="secondary">{t('approvals.periodDays', { count: r.periodDays })}</Typography.Text>}
              {r.copies !== null && <Typography.Text type="secondary">{t('approvals.copiesCount', { count: r.copies })}</Typography.Text>}
            </Space>
          ),
        },
        { title: t('approvals.route'), key: 'route', render: (_, r) => <RouteSteps request={r} /> },
        { title: t('approvals.requestedAt'), dataIndex: 'requestedAt', width: 140, render: formatDateTime },
        ...(onDecide || onWithdraw || onRecordUse
          ? [
              {
                title: '',
                key: 'actions',
                width: 90,
                render: (_: unknown, r: ApprovalRequestView) => (
                  <Space>
                    {onDecide && r.mayDecide && (
                      <Button type="primary" size="small" onClick={() => onDecide(r)} data-testid={`decide-${r.id}`}>
                        {t('approvals.decide')}
                      </Button>
                    )}
                    {onRecordUse && r.state === 'approved' && (r.kind === 'copy' || r.kind === 'excerpt') && (
                      <Button size="small" onClick={() => onRecordUse(r)} data-testid={`record-use-${r.id}`}>
                        {t('approvals.recordUse')}
                      </Button>
                    )}
                    {onWithdraw && r.state === 'pending' && (mayWithdraw?.(r) ?? false) && (
                      <Button size="small" onClick={() => onWithdraw(r)} data-testid={`withdraw-${r.id}`}>
                        {t('approvals.withdraw')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
