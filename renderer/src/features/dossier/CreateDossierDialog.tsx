import { Alert, App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary, FieldValues } from '../../../../shared/contract';
import { departmentSubtreeCodes } from '../../../../shared/departments';
import { useArchiveSettings, useCan, useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { useCustomerOptions } from '../customers/use-customer-options';
import { FieldInput } from './FieldInput';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (dossier: DossierSummary) => void;
}

interface Values {
  typeKey: string;
  title?: string;
  fields?: FieldValues;
  classification?: string;
  level: number;
  departmentCode: string;
  remarks?: string;
  customers?: { value: number; label: string }[];
}

const TITLE_MAX = 200;
const PLAIN = '';

/** Only what was filled in: the core fills in defaults and checks the rest. */
function filled(fields: FieldValues | undefined): FieldValues {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

export function CreateDossierDialog({ open, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { settings } = useArchiveSettings();
  const { levels, label, level } = useLevels();
  const can = useCan();
  const departments = useChannel('department:list', {}, open);
  const types = useChannel('type:list', {}, open);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const typeKey = Form.useWatch('typeKey', form) ?? PLAIN;
  const fields = useDeferredValue(filled(Form.useWatch('fields', form)));
  const chosenLevel = Form.useWatch('level', form);
  const departmentCode = Form.useWatch('departmentCode', form);
  const type = types.data?.find((candidate) => candidate.key === typeKey);
  const clearance = session?.user.clearance ?? 0;
  const ownDepartment = session?.user.department?.code;
  // Only departments whose dossiers this user may see; the core checks the same rule.
  const scope = ownDepartment ? departmentSubtreeCodes(departments.data ?? [], ownDepartment) : new Set<string>();
  const departmentOptions = (departments.data ?? []).filter((d) => can('dossier.read-all') || scope.has(d.code));
  // Filing under a customer on creation needs no more than reading customers (the core checks them).
  const mayFileUnderCustomer = can('dossier.read');
  const customers = useCustomerOptions();
  const preview = useChannel('dossier:preview-number', { typeKey, fields, ...(departmentCode ? { departmentCode } : {}) }, open && typeKey !== PLAIN);

  useEffect(() => {
    // A type brings its own default level.
    if (type) form.setFieldValue('level', Math.min(type.defaultLevel, clearance));
  }, [type, form, clearance]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const dossier = await call('dossier:create', {
        ...(values.typeKey ? { typeKey: values.typeKey } : {}),
        ...(values.title?.trim() ? { title: values.title.trim() } : {}),
        fields: filled(values.fields),
        ...(values.classification ? { classification: values.classification } : {}),
        level: values.level,
        departmentCode: values.departmentCode,
        ...(values.remarks?.trim() ? { remarks: values.remarks.trim() } : {}),
        customerIds: (values.customers ?? []).map((c) => c.value),
      });
      void message.success(t('dossier.created', { number: dossier.archiveNumber }));
      form.resetFields();
      onCreated(dossier);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const english = i18n.language === 'en';
  return (
    <Modal
      open={open}
      width={760}
      title={t('dossier.createTitle')}
      okText={t('dossier.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ typeKey: 'vehicle-new', level: Math.min(settings.defaultDossierLevel, clearance), departmentCode: ownDepartment }}
        onFinish={() => void submit().catch(() => undefined)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="typeKey" label={t('catalogue.type')}>
              <Select
                data-testid="type-select"
                loading={types.loading}
                options={[...(types.data ?? []).map((ty) => ({ value: ty.key, label: english && ty.nameEn ? ty.nameEn : ty.name })), { value: PLAIN, label: t('catalogue.noType') }]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('catalogue.numberPreview')}>
              <Typography.Text className="archive-number" data-testid="number-preview">
                {typeKey === PLAIN ? t('dossier.numberHint') : (preview.data?.archiveNumber ?? t('catalogue.numberPending'))}
              </Typography.Text>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('dossier.title')}
          rules={[
            { required: typeKey === PLAIN, whitespace: true, message: t('common.required', { field: t('dossier.title') }) },
            { max: TITLE_MAX, message: t('common.tooLong', { field: t('dossier.title'), max: TITLE_MAX }) },
          ]}
          extra={type?.titleTemplate ? t('catalogue.titleFromType', { template: type.titleTemplate.replace(/\{(\w+)\}/g, (_, key: string) => type.fields.find((f) => f.key === key)?.label ?? key) }) : undefined}
        >
          <Input placeholder={t('dossier.titlePlaceholder')} maxLength={TITLE_MAX} />
        </Form.Item>
        {type && type.fields.length > 0 && (
          <Row gutter={16}>
            {type.fields.map((field) => (
              <Col span={12} key={field.key}>
                <Form.Item
                  name={['fields', field.key]}
                  label={`${english && field.labelEn ? field.labelEn : field.label}${field.sensitive ? `（${t('catalogue.sensitive')}）` : ''}`}
                  rules={field.required ? [{ required: true, message: t('common.required', { field: field.label }) }] : []}
                  tooltip={field.note}
                >
                  <FieldInput field={field} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
        <Row gutter={16}>
          {type?.classification && (
            <Col span={8}>
              <Form.Item name="classification" label={type.classification.name}>
                <Select data-testid="classification-select" allowClear options={type.classification.values.map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item name="level" label={t('dossier.level')}>
              <Select
                data-testid="level-select"
                options={levels.map((_, rank) => ({ value: rank, label: label(rank), disabled: rank > clearance, title: rank > clearance ? t('dossier.levelAboveClearance') : undefined }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="departmentCode" label={t('dossier.department')}>
              <Select data-testid="department-select" loading={departments.loading} options={departmentOptions.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
            </Form.Item>
          </Col>
        </Row>
        {chosenLevel !== undefined && level(chosenLevel).marked && <Alert type="warning" showIcon title={t('dossier.markedHint')} className="form-alert" />}
        {mayFileUnderCustomer && (
          <Form.Item name="customers" label={t('customers.title')}>
            <Select
              mode="multiple"
              labelInValue
              showSearch={{ filterOption: false, onSearch: customers.search }}
              placeholder={t('customers.pick')}
              options={customers.options}
              notFoundContent={null}
              data-testid="create-customer-picker"
            />
          </Form.Item>
        )}
        <Form.Item name="remarks" label={t('catalogue.remarks')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
