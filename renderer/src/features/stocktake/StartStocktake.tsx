import { Button, Card, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeSummary } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { toTree, treeOptions } from '../locations/location-tree';
import { placeWords } from './scan-words';

/** Choose a place and start, or resume / look at a recent stocktake. */
export function StartStocktake({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { attempt, busy } = useAttempt();
  const places = useChannel('location:list', {});
  const recent = useChannel('stocktake:list', {});
  const [place, setPlace] = useState<number | undefined>();
  const start = () =>
    attempt(async () => {
      if (place === undefined) return;
      onOpen((await call('stocktake:start', { locationId: place })).id);
    });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('register.keep') && (
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('stocktake.hint')}</Typography.Paragraph>
          <Space wrap>
            <TreeSelect
              showSearch
              treeDefaultExpandAll
              treeNodeFilterProp="title"
              style={{ minWidth: 320 }}
              placeholder={t('stocktake.choosePlace')}
              value={place}
              onChange={(value: number) => setPlace(value)}
              treeData={treeOptions(toTree(places.data ?? []))}
              data-testid="stocktake-place-picker"
            />
            <Button type="primary" disabled={place === undefined} loading={busy} onClick={() => void start()} data-testid="stocktake-start">
              {t('stocktake.start')}
            </Button>
          </Space>
        </Card>
      )}
      <Typography.Title level={5}>{t('stocktake.recent')}</Typography.Title>
      <Table<StocktakeSummary>
        size="small"
        rowKey="id"
        loading={recent.loading}
        dataSource={recent.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="stocktake-list"
        columns={[
          { title: t('stocktake.number'), dataIndex: 'id', width: 70 },
          { title: t('stocktake.place'), render: (_, s) => placeWords(s.place, t) },
          { title: t('stocktake.startedAt'), dataIndex: 'startedAt', width: 150, render: (at: string) => formatDateTime(at) },
          { title: t('stocktake.startedBy'), dataIndex: 'startedBy', width: 120 },
          { title: t('stocktake.finishedAt'), dataIndex: 'finishedAt', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : <Tag color="blue">{t('stocktake.open')}</Tag>) },
          {
            title: '',
            width: 90,
            render: (_, s) => (
              <Button size="small" onClick={() => onOpen(s.id)} data-testid={`stocktake-open-${s.id}`}>
                {s.finishedAt ? t('stocktake.view') : t('stocktake.resume')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
