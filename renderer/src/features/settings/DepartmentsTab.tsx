import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentSummary } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { FormDialog } from '../../ui/FormDialog';

interface Values {
  code: string;
  name: string;
  parentCode: string | null;
}

export function DepartmentsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const departments = useChannel('department:list', {});
  const [editing, setEditing] = useState<DepartmentSummary | 'new' | null>(null);
  const mayManage = can('org.manage');

  const save = async (values: Values) => {
    if (editing === 'new') await call('department:create', { code: values.code, name: values.name, parentCode: values.parentCode ?? null });
    else if (editing) await call('department:update', { code: editing.code, name: values.name, parentCode: values.parentCode ?? null });
    void message.success(t('common.saved'));
    setEditing(null);
    departments.reload();
  };

  return (
    <>
      {mayManage && (
        <div className="settings-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-department">
            {t('settings.addDepartment')}
          </Button>
        </div>
      )}
      <Table<DepartmentSummary>
        rowKey="code"
        size="middle"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={false}
        data-testid="department-table"
        columns={[
          { title: t('settings.code'), dataIndex: 'code', width: 140 },
          { title: t('settings.name'), dataIndex: 'name' },
          { title: t('settings.parent'), dataIndex: 'parentCode', width: 160, render: (code: string | null) => departments.data?.find((d) => d.code === code)?.name ?? '—' },
          { title: t('settings.activeUsers'), dataIndex: 'activeUsers', width: 110 },
          ...(mayManage
            ? [{ title: t('common.actions'), width: 100, render: (_: unknown, d: DepartmentSummary) => <Button type="link" onClick={() => setEditing(d)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <FormDialog<Values>
        open={editing !== null}
        title={editing === 'new' ? t('settings.addDepartment') : t('settings.editDepartment')}
        requiredMark={false}
        testId="department-dialog"
        initialValues={editing && editing !== 'new' ? { code: editing.code, name: editing.name, parentCode: editing.parentCode } : { code: '', name: '', parentCode: null }}
        onSubmit={save}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="code" label={t('settings.code')} rules={[{ required: true, message: t('common.required', { field: t('settings.code') }) }, { pattern: /^[A-Za-z0-9_-]{1,16}$/, message: 'A–Z 0–9 _ -' }]}>
          <Input disabled={editing !== 'new'} placeholder="XSB" />
        </Form.Item>
        <Form.Item name="name" label={t('settings.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('settings.name') }) }]}>
          <Input placeholder="销售部" maxLength={32} />
        </Form.Item>
        <Form.Item name="parentCode" label={t('settings.parent')}>
          <Select allowClear options={(departments.data ?? []).filter((d) => editing === 'new' || d.code !== editing?.code).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
        </Form.Item>
      </FormDialog>
    </>
  );
}
