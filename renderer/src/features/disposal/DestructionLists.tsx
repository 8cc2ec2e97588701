import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwaitingListView, DestructionListSummary } from '../../../../shared/contract';
import { destructionMethods, type DestructionMethod } from '../../../../shared/disposal';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { stateColor } from './disposal-words';

/** Dossiers decided "destroy", made into a list; then every list, newest first. */
export function DestructionLists({ onOpen }: { onOpen: (id: number) => void }) {
  const can = useCan();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {can('disposal.manage') && <AwaitingPanel onCreated={onOpen} />}
      <ListsTable onOpen={onOpen} />
    </Space>
  );
}

function AwaitingPanel({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const { attempt, busy } = useAttempt();
  const awaiting = useChannel('disposal:awaiting', {});
  const [selected, setSelected] = useState<string[]>([]);
  const [method, setMethod] = useState<DestructionMethod>('shredding');
  const create = () =>
    attempt(async () => {
      const list = await call('disposal:create', { archiveNumbers: selected, method });
      onCreated(list.id);
    });
  return (
    <Card size="small" title={t('disposal.awaiting')}>
      <Table<AwaitingListView>
        size="small"
        rowKey="archiveNumber"
        loading={awaiting.loading}
        dataSource={awaiting.data ?? []}
        locale={{ emptyText: t('disposal.noneAwaiting') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (d) => ({ name: d.archiveNumber }) }}
        data-testid="disposal-awaiting"
        columns={[
          { title: t('disposal.archiveNumber'), dataIndex: 'archiveNumber', width: 170, render: (n: string) => <span className="archive-number">{n}</span> },
          { title: t('disposal.dossierTitle'), dataIndex: 'title', ellipsis: true },
          { title: t('disposal.dueOn'), dataIndex: 'dueOn', width: 110 },
          { title: t('disposal.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <span>{t('disposal.method')}</span>
        <Select<DestructionMethod> value={method} onChange={setMethod} style={{ width: 120 }} options={destructionMethods.map((m) => ({ value: m, label: t(`disposal.methods.${m}`) }))} data-testid="disposal-method" />
        <Typography.Text type="secondary">{t('disposal.methodHint')}</Typography.Text>
        <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void create()} data-testid="disposal-create">
          {t('disposal.createList', { count: selected.length })}
        </Button>
      </Space>
    </Card>
  );
}

function ListsTable({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const lists = useChannel('disposal:list', {});
  return (
    <>
      <Typography.Title level={5}>{t('disposal.lists')}</Typography.Title>
      <Table<DestructionListSummary>
        size="small"
        rowKey="id"
        loading={lists.loading}
        dataSource={lists.data ?? []}
        locale={{ emptyText: t('disposal.noLists') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="disposal-lists"
        columns={[
          { title: t('disposal.number'), dataIndex: 'number', width: 140 },
          { title: t('disposal.state'), width: 150, render: (_, l) => <Tag color={stateColor[l.state]}>{t(`disposal.states.${l.state}`)}</Tag> },
          { title: t('disposal.method'), width: 90, render: (_, l) => t(`disposal.methods.${l.method}`) },
          { title: t('disposal.dossiers'), dataIndex: 'dossiers', width: 80 },
          { title: t('disposal.createdBy'), dataIndex: 'createdBy', width: 120 },
          { title: t('disposal.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
          { title: t('disposal.destroyedOn'), dataIndex: 'destroyedOn', width: 110 },
          {
            title: '',
            width: 80,
            render: (_, l) => (
              <Button size="small" onClick={() => onOpen(l.id)} data-testid={`disposal-open-${l.number}`}>
                {t('disposal.open')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
