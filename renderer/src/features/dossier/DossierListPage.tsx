import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Flex, Input, Select, Table, TreeSelect, Typography } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTableHeight } from '../../lib/use-table-height';
import { useTranslation } from 'react-i18next';
import type { DossierListColumn, DossierSortKey, DossierSummary, SavedViewState } from '../../../../shared/contract';
import { defaultColumns, dossierColumns, sortFromColumn } from './dossier-columns';
import { ViewControls } from './ViewControls';
import { useCan } from '../../app/ArchiveSettings';
import { CreateDossierDialog } from './CreateDossierDialog';
import { DossierDrawer } from './DossierDrawer';
import { ExportListButton } from './ExportListButton';
import { PrintLabelsButton } from '../labels/PrintLabelsButton';
import { usePagedChannel } from '../../lib/use-paged-channel';
import { useChannel } from '../../lib/use-channel';
import { toTree, treeOptions } from '../locations/location-tree';
import { lazyNamed } from '../../lib/lazy';
import { LoadWhenOpened } from '../../ui/LoadWhenOpened';

const ImportDialog = lazyNamed(() => import('../import/ImportDialog'), 'ImportDialog');

export function DossierListPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  /** Dossiers ticked for labels: id → archive number. */
  const [ticked, setTicked] = useState<Map<number, string>>(new Map());
  const [importing, setImporting] = useState(false);
  const [typeKey, setTypeKey] = useState<string | null>(null);
  const [complete, setComplete] = useState<boolean | null>(null);
  const [locationId, setLocationId] = useState<number | null>(null);
  const [held, setHeld] = useState(false);
  const types = useChannel('type:list', {});
  const places = useChannel('location:list', {});
  const [shown, setShown] = useState<DossierListColumn[]>(defaultColumns);
  const [sort, setSort] = useState<{ by: DossierSortKey; direction: 'asc' | 'desc' }>({ by: 'created', direction: 'desc' });
  const filters = { ...(typeKey ? { typeKeys: [typeKey] } : {}), ...(complete === null ? {} : { complete }), ...(locationId === null ? {} : { locationId }), ...(held ? { held: true as const } : {}) };
  const list = usePagedChannel('dossier:list', { ...(query ? { query } : {}), filters, sort, limit: 50 }, i18n.language);
  // While the index is rebuilt the search is asked again every few seconds: hits fill in.
  const { reload } = list;
  const indexing = list.indexing !== null;
  useEffect(() => {
    if (!indexing) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  });
  const columns = dossierColumns(t, shown.filter((c) => c !== 'match' || query), sort, i18n.language === 'en');
  const applyView = (view: SavedViewState) => {
    setSearch(view.query ?? '');
    setTypeKey(view.filters.typeKeys?.[0] ?? null);
    setComplete(view.filters.complete ?? null);
    setLocationId(view.filters.locationId ?? null);
    setHeld(view.filters.held === true);
    setSort(view.sort);
    setShown(view.columns);
  };
  const mayCreate = can('dossier.create');
  const english = i18n.language === 'en';
  const tableHeight = useTableHeight(340);

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
          {mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-dossier">
              {t('dossier.create')}
            </Button>
          )}
          {mayCreate && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="open-import">
              {t('importer.open')}
            </Button>
          )}
          {can('dossier.export') && <ExportListButton list={{ ...(query ? { query } : {}), filters, sort }} />}
        </Flex>
      </Flex>
      <Flex gap="small" wrap className="list-filters">
          <Select
            allowClear
            placeholder={t('catalogue.allTypes')}
            value={typeKey}
            onChange={(v: string | undefined) => setTypeKey(v ?? null)}
            options={(types.data ?? []).map((ty) => ({ value: ty.key, label: english && ty.nameEn ? ty.nameEn : ty.name }))}
            className="filter-select"
            data-testid="type-filter"
          />
          <Select
            allowClear
            placeholder={t('catalogue.completeness')}
            value={complete === null ? undefined : String(complete)}
            onChange={(v: string | undefined) => setComplete(v === undefined ? null : v === 'true')}
            options={[
              { value: 'true', label: t('catalogue.onlyComplete') },
              { value: 'false', label: t('catalogue.onlyIncomplete') },
            ]}
            className="filter-select"
            data-testid="complete-filter"
          />
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t('locations.allLocations')}
            value={locationId ?? undefined}
            onChange={(v: number | undefined) => setLocationId(v ?? null)}
            treeData={treeOptions(toTree(places.data ?? []))}
            className="filter-select"
            popupMatchSelectWidth={false}
            data-testid="location-filter"
          />
          <Checkbox checked={held} onChange={(e) => setHeld(e.target.checked)} className="held-filter" data-testid="held-filter">
            {t('holds.onlyHeld')}
          </Checkbox>
          <Input.Search allowClear placeholder={t('catalogue.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.target.value)} className="dossier-search" data-testid="dossier-search" />
          <ViewControls current={{ ...(query ? { query } : {}), filters, sort, columns: shown }} onApply={applyView} onColumns={setShown} />
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} className="form-alert" />}
      {list.indexing && (
        <Alert
          type="info"
          showIcon
          className="form-alert"
          data-testid="indexing-notice"
          title={t('dossier.indexing', { percent: Math.floor((100 * list.indexing.done) / Math.max(1, list.indexing.total)) })}
        />
      )}
      {ticked.size > 0 && (
        <Flex gap="small" align="center" className="list-selection" data-testid="list-selection">
          <Typography.Text>{t('labels.selected', { count: ticked.size })}</Typography.Text>
          <PrintLabelsButton archiveNumbers={[...ticked.values()]} />
          <Button size="small" type="link" onClick={() => setTicked(new Map())}>
            {t('labels.clearSelection')}
          </Button>
        </Flex>
      )}
      <Table<DossierSummary>
        rowKey="id"
        // Ticked dossiers stay ticked across searches: a clerk gathers a sheet's labels by searching one after another.
        rowSelection={{
          selectedRowKeys: [...ticked.keys()],
          preserveSelectedRowKeys: true,
          columnWidth: 40,
          onChange: (keys, rows) =>
            setTicked((before) => new Map(keys.flatMap((key): [number, string][] => {
              const archiveNumber = before.get(Number(key)) ?? rows.find((row) => row?.id === key)?.archiveNumber;
              return archiveNumber ? [[Number(key), archiveNumber]] : [];
            }))),
        }}
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(sortFromColumn(typeof one?.columnKey === 'string' ? one.columnKey : undefined, one?.order));
        }}
        // Only the rows in view are rendered; scrolling near the end reads the next keyset page.
        virtual
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 100), 0), y: tableHeight }}
        onScroll={(event) => {
          const box = event.currentTarget;
          if (list.hasMore && box.scrollTop + box.clientHeight > box.scrollHeight - 400) void list.loadMore();
        }}
        locale={{ emptyText: list.loading ? ' ' : empty }}
        data-testid="dossier-table"
        // Virtual rows are divs: the role keeps them rows for assistive technology (and tests).
        onRow={(record) => ({ onClick: () => setOpened(record.archiveNumber), className: 'clickable-row', role: 'row' })}
        footer={
          list.items.length > 0
            ? () => (
                <Flex justify="space-between" align="center">
                  <Typography.Text type="secondary" data-testid="dossier-total">
                    {list.totalCapped ? t('dossier.totalCapped', { count: list.total }) : t('dossier.total', { count: list.total })}
                  </Typography.Text>
                  {list.hasMore && <Button onClick={() => void list.loadMore()}>{t('dossier.loadMore')}</Button>}
                </Flex>
              )
            : undefined
        }
      />
      <DossierDrawer archiveNumber={opened} onClose={() => setOpened(null)} onChanged={() => list.reload()} onOpen={setOpened} />
      <LoadWhenOpened open={importing}>
        <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={() => list.reload()} />
      </LoadWhenOpened>
      <CreateDossierDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </div>
  );
}
