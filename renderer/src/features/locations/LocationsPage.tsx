import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childKind, locationKindLabels } from '../../../../shared/locations';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { LocationDialog, type LocationDialogMode } from './LocationDialog';
import { toTree, type LocationNode } from './location-tree';

/** The store rooms as a tree in shelving order, with how many dossiers stand at each place. */
export function LocationsPage() {
  const { t, i18n } = useTranslation();
  const { attempt } = useAttempt();
  const can = useCan();
  const list = useChannel('location:list', {});
  const [mode, setMode] = useState<LocationDialogMode | null>(null);
  // Everything is open, new places too, except what the user folded.
  const [folded, setFolded] = useState<ReadonlySet<number>>(new Set());
  const expanded = (list.data ?? []).map((l) => l.id).filter((id) => !folded.has(id));
  const manage = can('location.manage');
  const english = i18n.language === 'en';

  const remove = (node: LocationNode) =>
    attempt(async () => {
      await call('location:remove', { id: node.id });
      list.reload();
    });

  return (
    <div className="page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('locations.title')}
        </Typography.Title>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMode({ kind: 'add', parent: null })} data-testid="add-room">
            {t('locations.addRoom')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('locations.hint')}</Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.text(i18n.language)} />}
      <Table<LocationNode>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.loading}
        dataSource={toTree(list.data ?? [])}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, node) => setFolded((previous) => {
            const next = new Set(previous);
            if (open) next.delete(node.id);
            else next.add(node.id);
            return next;
          }),
        }}
        locale={{ emptyText: t('locations.empty') }}
        data-testid="locations"
        columns={[
          { title: t('locations.fullCode'), dataIndex: 'fullCode', width: 220, render: (v: string) => <span className="archive-number">{v}</span> },
          { title: t('locations.name'), dataIndex: 'name' },
          { title: t('locations.kind'), dataIndex: 'kind', width: 100, render: (k: LocationNode['kind']) => (english ? locationKindLabels[k].en : locationKindLabels[k].zh) },
          { title: t('locations.position'), dataIndex: 'position', width: 90 },
          { title: t('locations.dossiers'), dataIndex: 'dossiers', width: 100 },
          { title: t('locations.note'), dataIndex: 'note', ellipsis: true },
          ...(manage
            ? [{
                title: '',
                width: 220,
                render: (_: unknown, node: LocationNode) => (
                  <Space size={4}>
                    {childKind(node.kind) && (
                      <Button size="small" type="link" onClick={() => setMode({ kind: 'add', parent: node })} data-testid={`add-inside-${node.fullCode}`}>
                        {t('locations.addInside')}
                      </Button>
                    )}
                    <Button size="small" type="link" onClick={() => setMode({ kind: 'edit', location: node })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('locations.removeConfirm', { name: node.name })} onConfirm={() => void remove(node)} okText={t('locations.remove')} cancelText={t('common.cancel')}>
                      <Button size="small" type="link" danger>
                        {t('locations.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      <LocationDialog
        mode={mode}
        onClose={() => setMode(null)}
        onSaved={() => {
          setMode(null);
          list.reload();
        }}
      />
    </div>
  );
}
