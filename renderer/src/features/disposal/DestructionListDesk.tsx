import { Alert, Button, Card, Descriptions, Input, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionListItemView, DestructionListView } from '../../../../shared/contract';
import { retentionLabel } from '../../../../shared/dossier-types';
import { roleLabels } from '../../../../shared/permissions';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { CarryOutForm } from './CarryOutForm';
import { stateColor } from './disposal-words';

/** One destruction list: its dossiers, the approvals in turn, the destruction; print it. */
export function DestructionListDesk({ id, onBack }: { id: number; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const can = useCan();
  const { attempt, busy } = useAttempt();
  const loaded = useChannel('disposal:get', { id });
  const [view, setView] = useState<DestructionListView | null>(null);
  const [comment, setComment] = useState('');
  const list = view ?? loaded.data;
  if (!list) return loaded.error ? <Alert type="error" message={loaded.error.message} /> : <Spin />;
  const pending = list.steps.findIndex((s) => s.decision === null);
  const role = (r: keyof typeof roleLabels) => (english ? roleLabels[r].en : roleLabels[r].zh);
  const decide = (decision: 'approve' | 'reject') => attempt(async () => setView(await call('disposal:decide', { id, decision, ...(comment ? { comment } : {}) })), t('disposal.decided'));
  const print = () => attempt(async () => saveExport(await call('disposal:print', { id })));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="disposal-list-desk">
      <Space wrap>
        <Button onClick={onBack}>{t('disposal.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="disposal-list-number">
          {list.number}
        </Typography.Title>
        <Tag color={stateColor[list.state]} data-testid="disposal-list-state">
          {t(`disposal.states.${list.state}`)}
        </Tag>
        <span>{t('disposal.methodIs', { method: t(`disposal.methods.${list.method}`) })}</span>
        <Button onClick={() => void print()} loading={busy} data-testid="disposal-print">
          {t('disposal.print')}
        </Button>
      </Space>
      <Table<DestructionListItemView>
        size="small"
        rowKey="archiveNumber"
        dataSource={list.items}
        pagination={false}
        data-testid="disposal-list-items"
        columns={[
          { title: t('disposal.archiveNumber'), dataIndex: 'archiveNumber', width: 170, render: (n: string) => <span className="archive-number">{n}</span> },
          { title: t('disposal.dossierTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('disposal.retention'), width: 100, render: (_, i) => retentionLabel(i.retention, english ? 'en' : 'zh') },
          { title: t('disposal.period'), width: 200, render: (_, i) => `${i.periodFrom} – ${i.dueOn}` },
          { title: t('disposal.pages'), dataIndex: 'pages', width: 70 },
          { title: t('disposal.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
      <Card size="small" title={t('disposal.steps')}>
        <Steps
          size="small"
          current={pending === -1 ? list.steps.length : pending}
          status={list.state === 'rejected' ? 'error' : undefined}
          items={list.steps.map((s) => ({
            title: role(s.role),
            description: s.decision
              ? t('disposal.stepDone', { approver: s.decision.approver, decision: t(`disposal.${s.decision.decision}`), at: formatDateTime(s.decision.decidedAt) }) + (s.decision.comment ? ` — ${s.decision.comment}` : '')
              : undefined,
          }))}
        />
        {list.awaiting && <Typography.Paragraph style={{ marginTop: 12 }}>{t('disposal.awaitingStep', { role: role(list.awaiting) })}</Typography.Paragraph>}
        {list.mayDecide && (
          <Space wrap>
            <Input placeholder={t('disposal.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={200} style={{ width: 280 }} data-testid="disposal-comment" />
            <Button type="primary" loading={busy} onClick={() => void decide('approve')} data-testid="disposal-approve">
              {t('disposal.approve')}
            </Button>
            <Button danger loading={busy} onClick={() => void decide('reject')} data-testid="disposal-reject">
              {t('disposal.reject')}
            </Button>
          </Space>
        )}
      </Card>
      {list.state === 'approved' && can('disposal.manage') && <CarryOutForm list={list} onDone={setView} />}
      {list.destruction && (
        <Card size="small" title={t('disposal.destruction')}>
          <Descriptions size="small" column={2} bordered data-testid="disposal-destruction">
            <Descriptions.Item label={t('disposal.destroyedOn')}>{list.destruction.destroyedOn}</Descriptions.Item>
            <Descriptions.Item label={t('disposal.carriedOutBy')}>{`${list.destruction.carriedOutBy}，${formatDateTime(list.destruction.carriedOutAt)}`}</Descriptions.Item>
            <Descriptions.Item label={t('disposal.witnesses')}>{list.destruction.witnesses.join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('disposal.erasedFiles')}>{list.destruction.erasedFiles}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
