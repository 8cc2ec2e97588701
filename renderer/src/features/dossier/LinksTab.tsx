import { LinkOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierLinkView } from '../../../../shared/contract';
import { dossierLinkRelations, relationLabels, type DossierLinkRelation } from '../../../../shared/dossier-links';
import { call, errorText } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

interface Props {
  dossier: DossierDetail;
  editable: boolean;
  onChanged: (detail: DossierDetail) => void;
}

interface NewLink {
  other: string;
  relation: DossierLinkRelation;
  note?: string;
}

/** Finds the other dossier with the same search box as the list (number, name, pinyin …). */
function useDossierOptions(exclude: string) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = (query: string) => {
    if (!query.trim()) return setOptions([]);
    void call('dossier:list', { query, limit: 20 }).then(
      (page) => setOptions(page.items.filter((d) => d.archiveNumber !== exclude).map((d) => ({ value: d.archiveNumber, label: `${d.archiveNumber}  ${d.title}` }))),
      () => setOptions([]),
    );
  };
  return { options, search };
}

/** Cross-references (XR-…): each relation read from this dossier's side. */
export function LinksTab({ dossier, editable, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewLink>();
  const [busy, setBusy] = useState(false);
  const english = i18n.language === 'en';
  const others = useDossierOptions(dossier.archiveNumber);

  const attempt = async (work: () => Promise<DossierDetail>, done?: string) => {
    setBusy(true);
    try {
      onChanged(await work());
      if (done) void message.success(done);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    const values = await form.validateFields();
    await attempt(() => call('link:add', { archiveNumber: dossier.archiveNumber, otherArchiveNumber: values.other, relation: values.relation, note: values.note?.trim() || null }), t('catalogue.linked', { number: values.other }));
    form.resetFields();
  };

  return (
    <>
      <Table<DossierLinkView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={dossier.links}
        data-testid="links"
        locale={{ emptyText: t('catalogue.noLinks') }}
        columns={[
          { title: t('catalogue.relation'), width: 150, render: (_, l) => `${english ? l.labelEn : l.label}${l.rule ? `（${l.rule}）` : ''}` },
          { title: t('dossier.archiveNumber'), width: 150, render: (_, l) => <span className="archive-number">{l.other.archiveNumber}</span> },
          { title: t('dossier.title'), ellipsis: true, render: (_, l) => l.other.title },
          { title: t('catalogue.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
          { title: t('dossier.createdAt'), width: 140, render: (_, l) => `${l.createdBy} ${formatDateTime(l.createdAt)}` },
          ...(editable
            ? [{
                title: '',
                width: 60,
                render: (_: unknown, l: DossierLinkView) => (
                  <Popconfirm title={`${t('catalogue.unlink')} ${l.other.archiveNumber}?`} onConfirm={() => void attempt(() => call('link:remove', { archiveNumber: dossier.archiveNumber, id: l.id }))} okText={t('catalogue.unlink')} cancelText={t('common.cancel')}>
                    <Button size="small" type="link" danger disabled={busy}>
                      {t('catalogue.unlink')}
                    </Button>
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
      {editable && (
        <Form<NewLink> form={form} layout="vertical" className="link-form" initialValues={{ relation: 'same-customer' }} onFinish={() => void add().catch(() => undefined)}>
          <Form.Item name="other" label={t('catalogue.otherDossier')} rules={[{ required: true, message: t('common.required', { field: t('catalogue.otherDossier') }) }]}>
            <Select showSearch={{ filterOption: false, onSearch: others.search }} placeholder={t('catalogue.otherPlaceholder')} options={others.options} data-testid="link-other" notFoundContent={null} />
          </Form.Item>
          <Form.Item name="relation" label={t('catalogue.relation')}>
            <Select data-testid="link-relation" options={dossierLinkRelations.map((r) => ({ value: r, label: english ? relationLabels[r].name.en : relationLabels[r].name.zh }))} />
          </Form.Item>
          <Form.Item name="note" label={t('catalogue.note')}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<LinkOutlined />} loading={busy} data-testid="add-link">
            {t('catalogue.addLink')}
          </Button>
        </Form>
      )}
    </>
  );
}
