import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary, PlanEntry } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { placeLabel, stateColors } from './inspection-words';

/** The plan (each room with its last inspection and when the next falls due) and the inspection records. */
export function InspectionPlanView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const keeps = useCan()('register.keep');
  const { attempt, busy } = useAttempt();
  const plan = useChannel('inspection:plan', {});
  const recent = useChannel('inspection:list', {});
  const start = (locationId: number | null) => attempt(async () => onOpen((await call('inspection:start', { locationId })).id));
  const wholeOpen = recent.data?.find((r) => r.place.locationId === null && r.finishedAt === null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('inspections.planTitle')}
        extra={
          keeps &&
          !wholeOpen && (
            <Button size="small" loading={busy} onClick={() => void start(null)} data-testid="inspect-whole-store">
              {t('inspections.startWhole')}
            </Button>
          )
        }
      >
        {plan.data && <Typography.Paragraph type="secondary">{t('inspections.planHint', { interval: t(`inspections.intervals.${plan.data.interval}`) })}</Typography.Paragraph>}
        <Table<PlanEntry>
          size="small"
          rowKey={(e) => String(e.place.locationId)}
          loading={plan.loading}
          dataSource={plan.data?.places ?? []}
          pagination={false}
          data-testid="inspection-plan"
          columns={[
            { title: t('inspections.room'), render: (_, e) => placeLabel(e.place, t) },
            { title: t('inspections.lastInspected'), width: 130, render: (_, e) => e.lastInspectedOn ?? <Typography.Text type="secondary">{t('inspections.never')}</Typography.Text> },
            { title: t('inspections.dueOn'), dataIndex: 'dueOn', width: 120 },
            { title: t('inspections.state'), width: 110, render: (_, e) => <Tag color={stateColors[e.state]}>{t(`inspections.states.${e.state}`)}</Tag> },
            {
              title: '',
              width: 120,
              render: (_, e) =>
                e.openInspectionId !== null ? (
                  <Button size="small" onClick={() => e.openInspectionId !== null && onOpen(e.openInspectionId)} data-testid={`resume-${e.place.code}`}>
                    {t('inspections.resume')}
                  </Button>
                ) : (
                  keeps && (
                    <Button size="small" type={e.state === 'ok' ? 'default' : 'primary'} loading={busy} onClick={() => void start(e.place.locationId)} data-testid={`start-${e.place.code}`}>
                      {t('inspections.start')}
                    </Button>
                  )
                ),
            },
          ]}
        />
      </Card>
      <Typography.Title level={5}>{t('inspections.recent')}</Typography.Title>
      <Table<InspectionSummary>
        size="small"
        rowKey="id"
        loading={recent.loading}
        dataSource={recent.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="inspection-list"
        columns={[
          { title: t('inspections.number'), dataIndex: 'id', width: 70 },
          { title: t('inspections.place'), render: (_, s) => placeLabel(s.place, t) },
          { title: t('inspections.inspectedOn'), width: 130, render: (_, s) => s.inspectedOn ?? <Tag color="blue">{t('inspections.open')}</Tag> },
          { title: t('inspections.inspectors'), render: (_, s) => (s.inspectors.length > 0 ? s.inspectors.join('、') : `${s.startedBy} · ${formatDateTime(s.startedAt)}`) },
          { title: t('inspections.findings'), dataIndex: 'findings', width: 90 },
          { title: t('inspections.openRepairs'), width: 90, render: (_, s) => (s.openRepairs > 0 ? <Tag color="orange">{s.openRepairs}</Tag> : 0) },
          {
            title: '',
            width: 90,
            render: (_, s) => (
              <Button size="small" onClick={() => onOpen(s.id)} data-testid={`inspection-open-${s.id}`}>
                {s.finishedAt ? t('inspections.view') : t('inspections.resume')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
