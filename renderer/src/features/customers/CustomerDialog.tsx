import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/contract';
import { customerKindLabels, customerKinds, type CustomerKind } from '../../../../shared/customers';
import { splitPhones } from '../../../../shared/phones';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

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
  remarks?: string;
}

const phoneList = (text: string | undefined) => splitPhones(text ?? '');
const TEXT_FIELDS = ['category', 'address', 'contact', 'ownership', 'supervisingBody', 'creditStatus', 'remarks'] as const;

/**
 * A new customer, or corrections to `customer` (every field; the ID code, masked, is replaced only
 * when typed anew). The core refuses a second record of a customer already on file.
 */
export function CustomerDialog({ customer, open, onClose, onSaved }: { customer: CustomerDetail | null; open: boolean; onClose: () => void; onSaved: (customer: CustomerDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const english = i18n.language === 'en';

  const submit = async (values: Values) => {
    // An organisation's own fields are sent for organisations only: a person's stay as they are.
    const keys = values.kind === 'organisation' ? TEXT_FIELDS : TEXT_FIELDS.filter((key) => key !== 'ownership' && key !== 'supervisingBody');
    const text = Object.fromEntries(keys.map((key) => [key, values[key]?.trim() || null]));
    const idCode = values.idCode?.trim() ? { idCode: values.idCode.trim() } : {};
    const saved = customer
      ? await call('customer:update', { id: customer.id, name: values.name.trim(), phones: phoneList(values.phones), ...text, ...idCode })
      : await call('customer:create', { kind: values.kind, name: values.name.trim(), phones: phoneList(values.phones), ...text, ...idCode });
    void message.success(customer ? t('common.saved') : t('customers.created', { name: saved.name }));
    onSaved(saved);
  };

  const field = (name: keyof Values, label: string, max = 100) => (
    <Col span={12}>
      <Form.Item name={name} label={label}>
        <Input maxLength={max} data-testid={`customer-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <FormDialog<Values>
      open={open}
      width={720}
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.create')}
      testId="customer-dialog"
      initialValues={
        customer
          ? {
              kind: customer.kind,
              name: customer.name,
              phones: customer.phones.join('，'),
              ...Object.fromEntries(TEXT_FIELDS.map((key) => [key, customer[key] ?? ''])),
            }
          : { kind: 'person' }
      }
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="kind" label={t('customers.kind')}>
              <Select disabled={customer !== null} options={customerKinds.map((k) => ({ value: k, label: english ? customerKindLabels[k].en : customerKindLabels[k].zh }))} />
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
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
            {() =>
              form.getFieldValue('kind') === 'organisation' && (
                <>
                  {field('ownership', t('customers.ownership'), 40)}
                  {field('supervisingBody', t('customers.supervisingBody'))}
                </>
              )
            }
          </Form.Item>
          <Col span={12}>
            <Form.Item name="idCode" label={t('customers.idCode')} extra={customer?.hasIdCode ? t('catalogue.maskedKeep') : undefined}>
              <Input maxLength={20} data-testid="customer-idCode" />
            </Form.Item>
          </Col>
          {field('creditStatus', t('customers.creditStatus'), 40)}
          <Col span={24}>
            <Form.Item name="remarks" label={t('catalogue.remarks')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="customer-remarks" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormDialog>
  );
}
