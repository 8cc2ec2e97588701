import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, Form, Input, Select, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail, DossierSummary } from '../../../../shared/contract';
import { customerKindLabels, customerRecordKindLabels, customerRecordKinds, type CustomerRecordKind } from '../../../../shared/customers';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { DateInput } from '../../ui/DateInput';
import { CustomerDialog } from './CustomerDialog';

interface NewRecord {
  kind: CustomerRecordKind;
  recordedOn: string;
  text: string;
}

const today = () => new Date().toLocaleDateString('sv-SE');

interface Props {
  id: number | null;
  onClose: () => void;
  /** Opens one of the customer's dossiers. */
  onOpenDossier: (archiveNumber: string) => void;
}

/** One customer: the record, the dossiers filed under it, and the timeline. */
export function CustomerDrawer({ id, onClose, onOpenDossier }: Props) {
  const { t, i18n } = useTranslation();
  const detail = useChannel('customer:get', { id: id ?? 1 }, id !== null);
  const customer = detail.data?.id === id ? detail.data : undefined;
  return (
    <Drawer open={id !== null} onClose={onClose} size={820} title={customer ? t('customers.detail', { name: customer.name }) : ''} data-testid="customer-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error.text(i18n.language)} />}
      {/* Each customer starts afresh: no form keeps what was typed for the last one. */}
      {customer && <CustomerPane key={customer.id} customer={customer} onChanged={detail.reload} onOpenDossier={onOpenDossier} />}
    </Drawer>
  );
}

function CustomerPane({ customer, onChanged, onOpenDossier }: { customer: CustomerDetail; onChanged: () => void; onOpenDossier: (archiveNumber: string) => void }) {
  const { t, i18n } = useTranslation();
  const { attempt } = useAttempt();
  const can = useCan();
  const [form] = Form.useForm<NewRecord>();
  const [idCode, setIdCode] = useState<string | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const english = i18n.language === 'en';

  const addRecord = () =>
    attempt(async () => {
      const values = await form.validateFields();
      await call('customer:add-record', { id: customer.id, ...values });
      form.resetFields();
      form.setFieldsValue({ kind: 'call', recordedOn: today() });
      onChanged();
    });

  return (
    <>
      {can('dossier.edit') && (
        <div className="drawer-actions">
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-customer">
            {t('customers.edit')}
          </Button>
        </div>
      )}
      <Descriptions column={2} bordered size="small">
        <Descriptions.Item label={t('customers.kind')}>{english ? customerKindLabels[customer.kind].en : customerKindLabels[customer.kind].zh}</Descriptions.Item>
        <Descriptions.Item label={t('customers.category')}>{customer.category ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.phonesColumn')} span={2}>{customer.phones.join('，') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.address')} span={2}>{customer.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.contact')}>{customer.contact ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.creditStatus')}>{customer.creditStatus ?? '—'}</Descriptions.Item>
        {customer.kind === 'organisation' && <Descriptions.Item label={t('customers.ownership')}>{customer.ownership ?? '—'}</Descriptions.Item>}
        {customer.kind === 'organisation' && <Descriptions.Item label={t('customers.supervisingBody')}>{customer.supervisingBody ?? '—'}</Descriptions.Item>}
        <Descriptions.Item label={t('customers.idCode')}>
          {!customer.hasIdCode ? '—' : idCode !== undefined ? idCode : (
            <>
              <span className="masked-value">******</span>
              {can('field.reveal') && (
                <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void attempt(async () => setIdCode((await call('customer:reveal-id', { id: customer.id })).idCode))}>
                  {t('catalogue.reveal')}
                </Button>
              )}
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('customers.department')}>{customer.department.name}</Descriptions.Item>
      </Descriptions>
      <h4 className="drawer-section">{t('customers.dossiers')}</h4>
      <Table<DossierSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={customer.dossiers}
        columns={[
          {
            title: t('dossier.archiveNumber'),
            dataIndex: 'archiveNumber',
            width: 170,
            render: (v: string) => (
              <Button type="link" size="small" className="archive-number link-button" onClick={() => onOpenDossier(v)}>
                {v}
              </Button>
            ),
          },
          { title: t('dossier.title'), dataIndex: 'title', ellipsis: true },
          { title: t('catalogue.type'), width: 140, render: (_: unknown, d: DossierSummary) => (english && d.type?.nameEn) || (d.type?.name ?? '') },
        ]}
      />
      <h4 className="drawer-section">{t('customers.timeline')}</h4>
      {can('dossier.edit') && (
        <Form<NewRecord> form={form} layout="inline" className="inline-form" initialValues={{ kind: 'call', recordedOn: today() }} onFinish={() => void addRecord()}>
          <Form.Item name="kind">
            <Select className="form-select" options={customerRecordKinds.map((k) => ({ value: k, label: english ? customerRecordKindLabels[k].en : customerRecordKindLabels[k].zh }))} />
          </Form.Item>
          <Form.Item name="recordedOn" rules={[{ required: true, message: t('common.required', { field: t('customers.recordedOn') }) }]}>
            <DateInput className="date-input" />
          </Form.Item>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('customers.recordText') }) }]}>
            <Input.TextArea autoSize maxLength={2000} className="record-text" placeholder={t('customers.recordText')} data-testid="record-text" />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} data-testid="add-record">
            {t('customers.addRecord')}
          </Button>
        </Form>
      )}
      {customer.records.length === 0 ? (
        <Typography.Text type="secondary">{t('customers.noRecords')}</Typography.Text>
      ) : (
        <Timeline
          className="customer-timeline"
          data-testid="customer-timeline"
          items={customer.records.map((r) => ({
            key: r.id,
            children: (
              <>
                <Typography.Text strong>{`${r.recordedOn} ${english ? customerRecordKindLabels[r.kind].en : customerRecordKindLabels[r.kind].zh}`}</Typography.Text>
                <Typography.Text type="secondary">{` · ${r.author}`}</Typography.Text>
                <div className="record-body">{r.text}</div>
              </>
            ),
          }))}
        />
      )}
      <CustomerDialog
        customer={customer}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setIdCode(undefined);
          onChanged();
        }}
      />
    </>
  );
}
