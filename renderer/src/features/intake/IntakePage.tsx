import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeDetail, IntakeView } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { formatDateTime } from '../../lib/format';
import { useChannel } from '../../lib/use-channel';
import { RegisterExportButton } from '../../ui/RegisterExportButton';
import { DateInput } from '../../ui/DateInput';
import { IntakeDetailPanel } from './IntakeDetailPanel';
import { LateTag } from './LateTag';
import { NewIntakeDialog } from './NewIntakeDialog';

const PAGE_SIZE = 20;

interface Filters {
  from?: string;
  to?: string;
  fromDepartment?: string;
  late: boolean;
}

/** The intake book (签收簿): hand-overs with their late marks; clerks register new ones, auditors read. */
export function IntakePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const mayKeep = can('register.keep');
  const [filters, setFilters] = useState<Filters>({ late: false });
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const departments = useChannel('department:list', {});
  const book = useChannel('intake:list', { ...filters, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const filter = (change: Partial<Filters>) => {
    setFilters((previous) => ({ ...previous, ...change }));
    setPage(1);
  };
  const added = (intake: IntakeDetail) => {
    setAdding(false);
    void message.success(t('intake.addedToast', { id: intake.id }));
    book.reload();
  };

  return (
    <div className="page" data-testid="intake-page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('intake.title')}
        </Typography.Title>
        <Space>
          <RegisterExportButton kind="intake" />
          {mayKeep ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="new-intake">
              {t('intake.add')}
            </Button>
          ) : (
            <Tag>{t('intake.readOnly')}</Tag>
          )}
        </Space>
      </Flex>
      <Flex gap="small" wrap align="center" className="list-filters">
        <span>{t('intake.filterPeriod')}</span>
        <DateInput className="filter-select" placeholder={t('intake.filterFrom')} value={filters.from ?? null} onChange={(day) => filter({ from: day ?? undefined })} testId="intake-from" />
        <DateInput className="filter-select" placeholder={t('intake.filterTo')} value={filters.to ?? null} onChange={(day) => filter({ to: day ?? undefined })} testId="intake-to" />
        <Select
          allowClear
          className="filter-select"
          placeholder={t('intake.filterDepartment')}
          value={filters.fromDepartment}
          onChange={(code?: string) => filter({ fromDepartment: code })}
          options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
        />
        <Space size={4}>
          <Switch checked={filters.late} onChange={(late) => filter({ late })} data-testid="intake-late-only" />
          <span>{t('intake.lateOnly')}</span>
        </Space>
      </Flex>
      <Table<IntakeView>
        rowKey="id"
        size="small"
        loading={book.loading}
        dataSource={book.data?.intakes ?? []}
        data-testid="intake-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.empty')} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: book.data?.total ?? 0, showSizeChanger: false, onChange: setPage, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (intake) => <IntakeDetailPanel id={intake.id} />, expandRowByClick: true }}
        columns={[
          { title: t('intake.number'), dataIndex: 'id', width: 70 },
          { title: t('intake.handedOverAt'), dataIndex: 'handedOverAt', width: 140, render: formatDateTime },
          { title: t('intake.fromDepartment'), key: 'department', render: (_, i) => i.fromDepartment.name },
          { title: t('intake.handedBy'), key: 'handedBy', render: (_, i) => i.handedBy.name },
          {
            title: t('intake.dossiers'),
            key: 'dossiers',
            render: (_, i) => (
              <Space orientation="vertical" size={0}>
                {i.dossiers.map((d) => (
                  <span key={d.archiveNumber}>
                    <Typography.Text strong>{d.archiveNumber}</Typography.Text> <Typography.Text type="secondary">{d.title}</Typography.Text>
                  </span>
                ))}
                {i.hiddenDossiers > 0 && <Typography.Text type="secondary">{t('intake.hiddenDossiers', { count: i.hiddenDossiers })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('intake.deadline'), key: 'late', width: 130, render: (_, i) => <LateTag workdaysLate={i.dossiers.some((d) => d.deadline !== null) ? i.workdaysLate : null} /> },
          { title: t('intake.missing'), key: 'missing', width: 90, render: (_, i) => (i.missingCount > 0 ? <Tag color="orange">{t('intake.missingCount', { count: i.missingCount })}</Tag> : null) },
          { title: t('intake.receivedBy'), key: 'receivedBy', render: (_, i) => i.receivedBy.displayName },
          {
            title: '',
            key: 'correction',
            width: 110,
            render: (_, i) => (i.correctedBy ? <Tag>{t('intake.correctedBy', { id: i.correctedBy })}</Tag> : i.corrects ? <Tag color="blue">{t('intake.corrects', { id: i.corrects })}</Tag> : null),
          },
        ]}
      />
      {mayKeep && <NewIntakeDialog open={adding} onClose={() => setAdding(false)} onAdded={added} />}
    </div>
  );
}
