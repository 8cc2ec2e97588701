import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierTypeView } from '../../../../shared/contract';
import { retentionLabel, type TypeDefinition } from '../../../../shared/dossier-types';
import { useCan } from '../../app/ArchiveSettings';
import { lazyNamed } from '../../lib/lazy';
import { useChannel } from '../../lib/use-channel';
import { LoadWhenOpened } from '../../ui/LoadWhenOpened';

const TypeEditor = lazyNamed(() => import('./TypeEditor'), 'TypeEditor');

/** The dossier types with their current versions; the administrator changes them or makes new ones. */
export function TypesTab() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const types = useChannel('type:list', {});
  const [editing, setEditing] = useState<{ type: TypeDefinition; isNew: boolean } | { type: null; isNew: true } | null>(null);
  const mayManage = can('type.manage');
  const language = i18n.language === 'en' ? 'en' : 'zh';

  return (
    <>
      {mayManage && (
        <div className="settings-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ type: null, isNew: true })} data-testid="add-type">
            {t('types.create')}
          </Button>
        </div>
      )}
      <Table<DossierTypeView>
        rowKey="key"
        size="middle"
        loading={types.loading}
        dataSource={types.data ?? []}
        pagination={false}
        data-testid="type-table"
        columns={[
          { title: t('types.name'), render: (_, type) => (language === 'en' && type.nameEn ? type.nameEn : type.name) },
          { title: t('types.key'), dataIndex: 'key', width: 150 },
          { title: t('types.code'), dataIndex: 'code', width: 70 },
          { title: t('types.numbering'), dataIndex: 'numbering', width: 220, render: (rule: string) => <code>{rule}</code> },
          { title: t('catalogue.retention'), width: 90, render: (_, type) => retentionLabel(type.retention, language) },
          { title: t('types.fields'), width: 70, render: (_, type) => type.fields.length },
          { title: t('catalogue.checklist'), width: 80, render: (_, type) => type.checklist.length },
          { title: t('types.version'), dataIndex: 'version', width: 70, render: (version: number) => <Tag>v{version}</Tag> },
          ...(mayManage
            ? [
                {
                  title: t('common.actions'),
                  width: 170,
                  render: (_: unknown, type: DossierTypeView) => (
                    <Space size={0}>
                      <Button type="link" onClick={() => setEditing({ type, isNew: false })} data-testid={`edit-type-${type.key}`}>
                        {t('common.edit')}
                      </Button>
                      <Button type="link" onClick={() => setEditing({ type, isNew: true })}>
                        {t('types.copy')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadWhenOpened open={editing !== null}>
        <TypeEditor
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            types.reload();
          }}
        />
      </LoadWhenOpened>
    </>
  );
}
