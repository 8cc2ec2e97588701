import { DeleteOutlined, SaveOutlined, TableOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Popover, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierListColumns, fixedListColumns, type DossierListColumn, type SavedViewState } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { columnTitle } from './dossier-columns';

interface Props {
  current: SavedViewState;
  onApply: (state: SavedViewState) => void;
  onColumns: (columns: DossierListColumn[]) => void;
}

/** Saved views (filters, query, sort, columns by name) and the column chooser. */
export function ViewControls({ current, onApply, onColumns }: Props) {
  const { t } = useTranslation();
  const { attempt } = useAttempt();
  const views = useChannel('view:list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const [name, setName] = useState('');

  const save = () =>
    name.trim() &&
    attempt(async () => {
      const saved = await call('view:save', { name: name.trim(), state: current });
      setChosen(saved.id);
      setName('');
      views.reload();
    }, t('catalogue.viewSaved', { name: name.trim() }));
  const remove = (id: number) =>
    attempt(async () => {
      await call('view:remove', { id });
      setChosen(null);
      views.reload();
    });

  const chooser = (
    <Checkbox.Group
      className="column-chooser"
      value={current.columns}
      onChange={(values) => onColumns(dossierListColumns.filter((c) => values.includes(c) || fixedListColumns.includes(c)))}
      options={dossierListColumns.map((c) => ({ value: c, label: columnTitle(t, c), disabled: fixedListColumns.includes(c) }))}
    />
  );
  const saver = (
    <Space.Compact>
      <Input placeholder={t('catalogue.viewName')} maxLength={40} value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => void save()} data-testid="view-name" />
      <Button type="primary" onClick={() => void save()} data-testid="view-save">
        {t('common.save')}
      </Button>
    </Space.Compact>
  );

  return (
    <Space size={4}>
      <Select
        allowClear
        className="filter-select"
        placeholder={t('catalogue.views')}
        value={chosen ?? undefined}
        data-testid="view-select"
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        onChange={(id: number | undefined) => {
          setChosen(id ?? null);
          const view = views.data?.find((v) => v.id === id);
          if (view) onApply(view.state);
        }}
      />
      {chosen !== null && <Button icon={<DeleteOutlined />} title={t('catalogue.removeView')} onClick={() => void remove(chosen)} />}
      <Popover content={saver} trigger="click" title={t('catalogue.saveView')}>
        <Button icon={<SaveOutlined />} title={t('catalogue.saveView')} data-testid="view-save-open" />
      </Popover>
      <Popover content={chooser} trigger="click" title={t('catalogue.columns')}>
        <Button icon={<TableOutlined />} title={t('catalogue.columns')} data-testid="column-chooser" />
      </Popover>
    </Space>
  );
}
