import { Empty, List, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbenchList } from '../../../../shared/contract';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { LevelTag } from '../../ui/LevelTag';
import { kindLabel, queueLines, requesterLabel } from '../approvals/request-labels';
import { holderLabel } from '../loans/LoanTable';
import { BackupAgeCard } from '../backup/BackupAgeCard';
import { InspectionsDueCard } from '../inspections/InspectionsDueCard';
import { BenchCard } from './BenchCard';

interface SectionProps<T> {
  title: string;
  list: WorkbenchList<T> | null;
  empty: string;
  /** Where the section's action is done. */
  to: string;
  tone?: 'danger' | 'warning';
  testId: string;
  item: (entry: T) => ReactNode;
}

function Section<T>({ title, list, empty, to, tone, testId, item }: SectionProps<T>) {
  const { t } = useTranslation();
  if (!list) return null;
  const heading = (
    <Space>
      <span>{title}</span>
      <Tag color={list.total === 0 ? 'default' : tone === 'danger' ? 'red' : tone === 'warning' ? 'orange' : 'blue'}>{list.total}</Tag>
    </Space>
  );
  return (
    <BenchCard title={heading} to={to} testId={testId}>
      {list.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> : <List size="small" dataSource={list.items} renderItem={(entry) => <List.Item>{item(entry)}</List.Item>} />}
      {list.total > list.items.length && <Typography.Text type="secondary">{t('workbench.more', { count: list.total - list.items.length })}</Typography.Text>}
    </BenchCard>
  );
}

const dossierLine = (archiveNumber: string, title: string, level: number) => (
  <Space size={4} wrap>
    <Typography.Text strong className="nowrap">
      {archiveNumber}
    </Typography.Text>
    <LevelTag rank={level} />
    <Typography.Text type="secondary">{title}</Typography.Text>
  </Space>
);

/** The home screen of clerks and approvers (工作台): what waits for them, each a click from the action. */
export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const bench = useChannel('workbench:get', {});
  const data = bench.data;
  return (
    <div className="page" data-testid="workbench-page">
      <Typography.Title level={3}>{t('workbench.title')}</Typography.Title>
      {data && (
        <Row gutter={[16, 16]}>
          <BackupAgeCard />
          <InspectionsDueCard />
          <Section
            title={t('workbench.toDecide')}
            list={data.toDecide}
            empty={t('workbench.nothingToDecide')}
            to="/approvals"
            tone="warning"
            testId="bench-to-decide"
            item={(r) => (
              <Space orientation="vertical" size={0}>
                {dossierLine(r.archiveNumber, r.dossierTitle, r.level)}
                <span>{`${kindLabel(r.kind, i18n.language)} · ${requesterLabel(r)} · ${r.purpose}`}</span>
              </Space>
            )}
          />
          <Section
            title={t('workbench.overdue')}
            list={data.overdue}
            empty={t('workbench.noneOverdue')}
            to="/loans"
            tone="danger"
            testId="bench-overdue"
            item={(l) => (
              <Space orientation="vertical" size={0}>
                {dossierLine(l.archiveNumber, l.dossierTitle, l.level)}
                <Typography.Text type="danger">{`${holderLabel(l)} · ${t('loans.dueOn')} ${l.dueOn} · ${t('loans.overdueBy', { count: l.overdueDays })}`}</Typography.Text>
              </Space>
            )}
          />
          <Section
            title={t('workbench.dueToday')}
            list={data.dueToday}
            empty={t('workbench.noneDueToday')}
            to="/loans"
            testId="bench-due-today"
            item={(l) => (
              <Space orientation="vertical" size={0}>
                {dossierLine(l.archiveNumber, l.dossierTitle, l.level)}
                <span>{`${holderLabel(l)} · ${formatDateTime(l.handedOutAt)}`}</span>
              </Space>
            )}
          />
          <Section
            title={t('workbench.lateIntakes')}
            list={data.lateIntakes}
            empty={t('workbench.noLateIntakes')}
            to="/intake"
            tone="warning"
            testId="bench-late-intakes"
            item={(i) => (
              <Space orientation="vertical" size={0}>
                <span>{`${formatDateTime(i.handedOverAt)} · ${i.fromDepartment.name} · ${i.handedBy.name}`}</span>
                <Typography.Text type="warning">{t('workbench.workdaysLate', { count: i.workdaysLate, dossiers: i.dossiers.map((d) => d.archiveNumber).join('、') })}</Typography.Text>
              </Space>
            )}
          />
          <Section
            title={t('workbench.shortages')}
            list={data.shortages}
            empty={t('workbench.noShortages')}
            to="/intake"
            tone="warning"
            testId="bench-shortages"
            item={(s) => (
              <Space orientation="vertical" size={0}>
                {dossierLine(s.archiveNumber, s.dossierTitle, s.level)}
                <span>{t('workbench.missingSince', { item: s.item.name, since: formatDateTime(s.since.handedOverAt) })}</span>
              </Space>
            )}
          />
          <Section
            title={t('workbench.myRequests')}
            list={data.myRequests}
            empty={t('workbench.noRequests')}
            to="/approvals"
            testId="bench-my-requests"
            item={(r) => (
              <Space orientation="vertical" size={0}>
                {dossierLine(r.archiveNumber, r.dossierTitle, r.level)}
                <span>{[kindLabel(r.kind, i18n.language), t(`approvals.states.${r.state}`), ...queueLines(r, t)].join(' · ')}</span>
              </Space>
            )}
          />
          <Section
            title={t('workbench.recentIntakes')}
            list={data.recentIntakes}
            empty={t('workbench.noIntakes')}
            to="/intake"
            testId="bench-recent-intakes"
            item={(i) => <span>{`${formatDateTime(i.handedOverAt)} · ${i.fromDepartment.name} · ${i.handedBy.name} · ${t('workbench.dossierCount', { count: i.dossiers.length + i.hiddenDossiers })}`}</span>}
          />
        </Row>
      )}
    </div>
  );
}
