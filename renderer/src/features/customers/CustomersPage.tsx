import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../shared/contract';
import { customerKindLabels } from '../../../../shared/customers';
import { useCan } from '../../app/ArchiveSettings';
import { useChannel } from '../../lib/use-channel';
import { DossierDrawer } from '../dossier/DossierDrawer';
import { CustomerDialog } from './CustomerDialog';
import { CustomerDrawer } from './CustomerDrawer';

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const list = useChannel('customer:list', { ...(query ? { query } : {}), limit: 100 });
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  const [dossier, setDossier] = useState<string | null>(null);
  const english = i18n.language === 'en';

  return (
    <div className="page">
      <Flex justify="space-between" align="center" className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {t('customers.title')}
        </Typography.Title>
        <Flex gap="small">
          <Input.Search allowClear placeholder={t('customers.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} className="dossier-search" data-testid="customer-search" />
          {can('dossier.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-customer">
              {t('customers.create')}
            </Button>
          )}
        </Flex>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error.text(i18n.language)} />}
      <Table<CustomerSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        pagination={false}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('customers.noCustomers') }}
        data-testid="customer-table"
        onRow={(c) => ({ onClick: () => setOpened(c.id), className: 'clickable-row' })}
        columns={[
          { title: t('customers.name'), dataIndex: 'name', width: 200 },
          { title: t('customers.kind'), dataIndex: 'kind', width: 80, render: (k: CustomerSummary['kind']) => (english ? customerKindLabels[k].en : customerKindLabels[k].zh) },
          { title: t('customers.category'), dataIndex: 'category', width: 100 },
          { title: t('customers.phonesColumn'), dataIndex: 'phones', width: 240, render: (p: string[]) => p.join('，') },
          { title: t('customers.address'), dataIndex: 'address', ellipsis: true },
          { title: t('customers.dossierCount'), dataIndex: 'dossierCount', width: 100 },
          { title: t('customers.department'), dataIndex: ['department', 'name'], width: 120 },
        ]}
      />
      <CustomerDialog
        customer={null}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => {
          setCreating(false);
          list.reload();
          setOpened(c.id);
        }}
      />
      <CustomerDrawer id={opened} onClose={() => { setOpened(null); list.reload(); }} onOpenDossier={setDossier} />
      <DossierDrawer archiveNumber={dossier} onClose={() => setDossier(null)} onChanged={() => list.reload()} onOpen={setDossier} />
    </div>
  );
}
