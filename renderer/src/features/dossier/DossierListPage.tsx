import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../../shared/contract';
import { useSession } from '../../app/SessionProvider';
import { formatDateTime } from '../../lib/format';
import { CreateDossierDialog } from './CreateDossierDialog';
import { useDossierList } from './useDossierList';

export function DossierListPage() {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [creating, setCreating] = useState(false);
  const list = useDossierList(query, i18n.language);
  const mayCreate = session?.user.permissions.includes('dossier.create') ?? false;

  const columns: ColumnsType<DossierSummary> = [
    { title: t('dossier.archiveNumber'), dataIndex: 'archiveNumber', width: 190, render: (value: string) => <span className="archive-number">{value}</span> },
    { title: t('dossier.title'), dataIndex: 'title', ellipsis: true },
    { title: t('dossier.createdAt'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: t('dossier.createdBy'), dataIndex: ['createdBy', 'displayName'], width: 140 },
  ];

  const empty = query ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossier.noMatch', { query })} />
  ) : (
    <Empty description={<span data-testid="empty-state">{t('dossier.empty')}</span>}>
      <Typography.Paragraph type="secondary">{t('dossier.emptyHint')}</Typography.Paragraph>
      {mayCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('dossier.create')}
        </Button>
      )}
    </Empty>
  );

  return (
    <div className="page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('dossier.listTitle')}
        </Typography.Title>
        <Flex gap="small">
          <Input.Search allowClear placeholder={t('dossier.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} className="dossier-search" data-testid="dossier-search" />
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-dossier">
              {t('dossier.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} className="form-alert" />}
      <Table<DossierSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: list.loading ? ' ' : empty }}
        data-testid="dossier-table"
        footer={
          list.items.length > 0
            ? () => (
                <Flex justify="space-between" align="center">
                  <Typography.Text type="secondary" data-testid="dossier-total">
                    {t('dossier.total', { count: list.total })}
                  </Typography.Text>
                  {list.hasMore && <Button onClick={() => void list.loadMore()}>{t('dossier.loadMore')}</Button>}
                </Flex>
              )
            : undefined
        }
      />
      <CreateDossierDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void list.reload();
        }}
      />
    </div>
  );
}
