import { LinkOutlined } from '@ant-design/icons';
import { Button, Form, Input, Popconfirm, Select, Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierLinkView } from '../../../../shared/contract';
import { dossierLinkRelations, relationLabels, type DossierLinkRelation } from '../../../../shared/dossier-links';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useSearchOptions } from '../../lib/use-search-options';
import { formatDateTime } from '../../lib/format';

interface Props {
  dossier: DossierDetail;
  editable: boolean;
  onChanged: (detail: DossierDetail) => void;
  /** Opens the dossier at the other end. */
  onOpen: (archiveNumber: string) => void;
}

interface NewLink {
  other: string;
  relation: DossierLinkRelation;
  note?: string;
}

/** Cross-references (XR-…): each relation read from this dossier's side. */
export function LinksTab({ dossier, editable, onChanged, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<NewLink>();
  const { attempt: run, busy } = useAttempt();
  const english = i18n.language === 'en';
  // The other dossier is found with the same search as the list (number, name, pinyin …).
  const others = useSearchOptions(async (query) =>
    (await call('dossier:list', { query, limit: 20 })).items.filter((d) => d.archiveNumber !== dossier.archiveNumber).map((d) => ({ value: d.archiveNumber, label: `${d.archiveNumber}  ${d.title}` })),
  );
  const attempt = (work: () => Promise<DossierDetail>, done?: string) => run(async () => onChanged(await work()), done);

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
          {
            title: t('catalogue.relation'),
            width: 150,
            // The rule a relation comes from is for the curious, not a label.
            render: (_, l) => (
              <Tooltip title={l.rule ? t('catalogue.ruleRef', { rule: l.rule }) : undefined}>
                <span>{english ? l.labelEn : l.label}</span>
              </Tooltip>
            ),
          },
          {
            title: t('dossier.archiveNumber'),
            width: 160,
            render: (_, l) => (
              <Button type="link" size="small" className="archive-number link-button" onClick={() => onOpen(l.other.archiveNumber)} data-testid={`open-${l.other.archiveNumber}`}>
                {l.other.archiveNumber}
              </Button>
            ),
          },
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
