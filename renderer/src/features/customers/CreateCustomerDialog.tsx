import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/contract';
import { customerKindLabels, customerKinds, type CustomerKind } from '../../../../shared/customers';
import { call, errorText } from '../../lib/api';

interface Values {
  kind: CustomerKind;
  name: string;
  category?: string;
  phones?: string;
  address?: string;
  contact?: string;
  ownership?: string;
  supervisingBody?: string;
  idCode?: string;
  creditStatus?: string;
}

const phoneList = (text: string | undefined) => (text ?? '').split(/[,，;；\s]+/).map((p) => p.trim()).filter(Boolean);

export function CreateCustomerDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (customer: CustomerDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const english = i18n.language === 'en';

  const submit = async () => {
    const { phones, ...values } = await form.validateFields();
    setBusy(true);
    try {
      const optional = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
      const customer = await call('customer:create', { ...optional, kind: values.kind, name: values.name, phones: phoneList(phones) });
      void message.success(t('customers.created', { name: customer.name }));
      form.resetFields();
      onCreated(customer);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof Values, label: string, max = 100) => (
    <Col span={12}>
      <Form.Item name={name} label={label}>
        <Input maxLength={max} data-testid={`customer-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal open={open} width={720} title={t('customers.create')} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'person' }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('customers.kind')}>
              <Select options={customerKinds.map((k) => ({ value: k, label: english ? customerKindLabels[k].en : customerKindLabels[k].zh }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('customers.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('customers.name') }) }]}>
              <Input maxLength={100} data-testid="customer-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phones" label={t('customers.phones')} extra={t('customers.phonesHint')}>
              <Input data-testid="customer-phones" />
            </Form.Item>
          </Col>
          {field('category', t('customers.category'), 16)}
          {field('address', t('customers.address'), 200)}
          {field('contact', t('customers.contact'), 40)}
          {kind === 'organisation' && field('ownership', t('customers.ownership'), 40)}
          {kind === 'organisation' && field('supervisingBody', t('customers.supervisingBody'))}
          {field('idCode', t('customers.idCode'), 20)}
          {field('creditStatus', t('customers.creditStatus'), 40)}
        </Row>
      </Form>
    </Modal>
  );
}
