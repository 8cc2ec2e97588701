import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistStatus, DocumentView, DossierDetail, DossierScans, InputOf } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { DateInput } from '../../ui/DateInput';
import { EditDocumentDialog } from './EditDocumentDialog';
import { ChecklistProgress, EvidenceText } from './ChecklistProgress';
import { ScannedPages } from '../scans/ScannedPages';

interface Props {
  dossier: DossierDetail;
  editable: boolean;
  onChanged: (detail: DossierDetail) => void;
  /** The dossier's scans, for each item's scanned pages (undefined until read). */
  scans?: DossierScans | undefined;
}

interface FreeDocument {
  title: string;
  docDate?: string;
  form: 'original' | 'copy';
  pages: number;
}

/** The checklist with what is filed against it, and the documents in order within their groups. */
export function DocumentsTab({ dossier, editable, onChanged, scans }: Props) {
  const { t, i18n } = useTranslation();
  const { attempt, busy } = useAttempt();
  const [form] = Form.useForm<FreeDocument>();
  const english = i18n.language === 'en';
  const groupName = new Map(dossier.groups.map((g) => [g.key, g.name]));
  const itemName = new Map(dossier.checklist.map((c) => [c.item.key, english && c.item.nameEn ? c.item.nameEn : c.item.name]));

  const run = <C extends 'document:add' | 'document:remove' | 'document:reorder'>(channel: C, input: InputOf<C>, done?: string) =>
    attempt(async () => onChanged((await call(channel, input)) as DossierDetail), done);

  /** Puts a document at another's place within its group (drag and drop, or ↑/↓). */
  const moveTo = (document: DocumentView, target: DocumentView) => {
    if (target.groupKey !== document.groupKey || target.id === document.id) return;
    const order = dossier.documents.filter((d) => d.groupKey === document.groupKey && d.id !== document.id).map((d) => d.id);
    const at = order.indexOf(target.id);
    order.splice(document.position < target.position ? at + 1 : at, 0, document.id);
    void run('document:reorder', { archiveNumber: dossier.archiveNumber, groupKey: document.groupKey, order });
  };
  const move = (document: DocumentView, by: -1 | 1) => {
    const target = dossier.documents.find((d) => d.groupKey === document.groupKey && d.position === document.position + by);
    if (target) moveTo(document, target);
  };
  const [dragged, setDragged] = useState<DocumentView | null>(null);
  const [editing, setEditing] = useState<DocumentView | null>(null);

  const addFree = async () => {
    const values = await form.validateFields();
    await run('document:add', { archiveNumber: dossier.archiveNumber, title: values.title, form: values.form, pages: values.pages, ...(values.docDate ? { docDate: values.docDate } : {}) }, t('catalogue.filed', { title: values.title }));
    form.resetFields();
  };

  const requirementTag = (status: ChecklistStatus) => {
    const colour = status.item.requirement === 'required' ? 'red' : status.item.requirement === 'conditional' ? 'gold' : 'default';
    return <Tag color={colour}>{t(`catalogue.${status.item.requirement}`)}</Tag>;
  };

  return (
    <>
      {dossier.checklist.length > 0 && (
        <>
          {dossier.complete ? (
            <Alert type="success" showIcon title={t('catalogue.complete')} data-testid="completeness" className="form-alert" />
          ) : (
            <Alert type="warning" showIcon title={t('catalogue.missingItems', { items: dossier.missingItems.map((m) => itemName.get(m.key) ?? m.name).join(english ? ', ' : '、') })} data-testid="completeness" className="form-alert" />
          )}
          <Table<ChecklistStatus>
            rowKey={(s) => s.item.key}
            size="small"
            pagination={false}
            dataSource={dossier.checklist}
            data-testid="checklist"
            columns={[
              { title: t('catalogue.checklist'), render: (_, s) => itemName.get(s.item.key) },
              { title: t('catalogue.requirement'), width: 90, render: (_, s) => requirementTag(s) },
              { title: t('catalogue.expected'), width: 110, render: (_, s) => t(`catalogue.${s.item.expected}`) },
              { title: t('catalogue.evidence'), width: 110, render: (_, s) => <EvidenceText status={s} /> },
              { title: t('catalogue.present'), width: 90, render: (_, s) => <ChecklistProgress status={s} /> },
              { title: t('scans.scannedPages'), width: 80, render: (_, s) => <ScannedPages scans={scans} itemKey={s.item.key} /> },
              ...(editable
                ? [{
                    title: '',
                    width: 80,
                    render: (_: unknown, s: ChecklistStatus) => (
                      <Button size="small" icon={<PlusOutlined />} disabled={busy} data-testid={`file-${s.item.key}`} onClick={() => void run('document:add', { archiveNumber: dossier.archiveNumber, checklistItem: s.item.key, pages: 1 }, t('catalogue.filed', { title: itemName.get(s.item.key) }))}>
                        {t('catalogue.file')}
                      </Button>
                    ),
                  }]
                : []),
            ]}
          />
        </>
      )}
      <h4 className="drawer-section">{t('catalogue.documents')}</h4>
      <Table<DocumentView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={dossier.documents}
        // Rows are dragged within their group; the sequence numbers follow the new order.
        onRow={(d) =>
          editable
            ? {
                draggable: true,
                className: dragged?.id === d.id ? 'dragging-row' : 'draggable-row',
                onDragStart: () => setDragged(d),
                onDragEnd: () => setDragged(null),
                onDragOver: (event) => {
                  if (dragged?.groupKey === d.groupKey) event.preventDefault();
                },
                onDrop: (event) => {
                  event.preventDefault();
                  if (dragged) moveTo(dragged, d);
                  setDragged(null);
                },
              }
            : {}
        }
        data-testid="documents"
        locale={{ emptyText: t('catalogue.noDocuments') }}
        columns={[
          { title: t('catalogue.group'), width: 110, render: (_, d) => (d.groupKey ? (groupName.get(d.groupKey) ?? d.groupKey) : '—') },
          { title: t('catalogue.position'), dataIndex: 'position', width: 56 },
          { title: t('catalogue.docTitle'), dataIndex: 'title', ellipsis: { showTitle: true } },
          { title: t('catalogue.docDate'), dataIndex: 'docDate', width: 100, render: (v: string | null) => v ?? '—' },
          { title: t('catalogue.form'), dataIndex: 'form', width: 80, render: (v: 'original' | 'copy') => t(`catalogue.${v}`) },
          { title: t('catalogue.pages'), dataIndex: 'pages', width: 56 },
          ...(editable
            ? [{
                title: '',
                width: 146,
                render: (_: unknown, d: DocumentView) => (
                  <Space size={2}>
                    <Button size="small" type="text" icon={<EditOutlined />} title={t('common.edit')} aria-label={t('common.edit')} disabled={busy} onClick={() => setEditing(d)} data-testid={`edit-document-${d.id}`} />
                    <Button size="small" type="text" icon={<ArrowUpOutlined />} title={t('catalogue.moveUp')} aria-label={t('catalogue.moveUp')} disabled={busy} onClick={() => move(d, -1)} />
                    <Button size="small" type="text" icon={<ArrowDownOutlined />} title={t('catalogue.moveDown')} aria-label={t('catalogue.moveDown')} disabled={busy} onClick={() => move(d, 1)} />
                    <Popconfirm title={t('catalogue.removeConfirm', { title: d.title })} onConfirm={() => void run('document:remove', { id: d.id })} okText={t('catalogue.remove')} cancelText={t('common.cancel')}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('catalogue.remove')} aria-label={t('catalogue.remove')} disabled={busy} />
                    </Popconfirm>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editable && (
        <Form<FreeDocument> form={form} layout="inline" className="inline-form" initialValues={{ form: 'original', pages: 1 }} onFinish={() => void addFree().catch(() => undefined)}>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('catalogue.docTitle') }) }]}>
            <Input placeholder={t('catalogue.freeDocument')} maxLength={200} data-testid="free-document-title" />
          </Form.Item>
          <Form.Item name="docDate">
            <DateInput className="date-input" placeholder={t('catalogue.docDate')} />
          </Form.Item>
          <Form.Item name="form">
            <Select options={[{ value: 'original', label: t('catalogue.original') }, { value: 'copy', label: t('catalogue.copy') }]} className="form-select" />
          </Form.Item>
          <Form.Item name="pages">
            <InputNumber min={0} max={10000} className="pages-input" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="add-free-document">
            {t('catalogue.addDocument')}
          </Button>
        </Form>
      )}
      <EditDocumentDialog
        dossier={dossier}
        document={editing}
        onClose={() => setEditing(null)}
        onSaved={(detail) => {
          setEditing(null);
          onChanged(detail);
        }}
      />
    </>
  );
}
