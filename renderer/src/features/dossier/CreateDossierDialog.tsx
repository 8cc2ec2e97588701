import { Alert, App, Col, Form, Input, Row, Select, Typography, type FormInstance } from 'antd';
import { useDeferredValue, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary, FieldValues, InputOf } from '../../../../shared/contract';
import { useArchiveSettings, useCan, useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { useFileableDepartments } from '../../lib/use-fileable-departments';
import { FormDialog } from '../../ui/FormDialog';
import { useCustomerOptions } from '../customers/use-customer-options';
import { CustodianSelect } from './CustodianSelect';
import { TITLE_MAX, filledFields, titlePlaceholder } from './dossier-form';
import { TypeFieldsGrid } from './TypeFieldsGrid';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (dossier: DossierSummary) => void;
}

export interface NewDossierValues {
  typeKey: string;
  title?: string;
  fields?: FieldValues;
  classification?: string;
  level: number;
  custodian?: string | null;
  departmentCode: string;
  remarks?: string;
  customers?: { value: number; label: string }[];
}

const PLAIN = '';
const DEFAULT_TYPE = 'vehicle-new';

/** What the form's values ask dossier:create for (also when an intake opens the dossier at the hand-over). */
export function newDossierInput(values: NewDossierValues): InputOf<'dossier:create'> {
  return {
    ...(values.typeKey ? { typeKey: values.typeKey } : {}),
    ...(values.title?.trim() ? { title: values.title.trim() } : {}),
    fields: filledFields(values.fields),
    ...(values.classification ? { classification: values.classification } : {}),
    level: values.level,
    ...(values.custodian ? { custodian: values.custodian } : {}),
    departmentCode: values.departmentCode,
    ...(values.remarks?.trim() ? { remarks: values.remarks.trim() } : {}),
    customerIds: (values.customers ?? []).map((c) => c.value),
  };
}
/** The type a clerk chose last, per user: most clerks file one kind of dossier all day. */
const lastTypeKey = (login: string) => `dossierdesk.last-type.${login}`;

export function CreateDossierDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { settings } = useArchiveSettings();
  const login = session?.user.login ?? '';
  const clearance = session?.user.clearance ?? 0;

  const submit = async (values: NewDossierValues) => {
    const dossier = await call('dossier:create', newDossierInput(values));
    localStorage.setItem(lastTypeKey(login), values.typeKey);
    void message.success(t('dossier.created', { number: dossier.archiveNumber }));
    onCreated(dossier);
  };

  return (
    <FormDialog<NewDossierValues>
      open={open}
      width={760}
      title={t('dossier.createTitle')}
      okText={t('dossier.createOk')}
      requiredMark
      testId="create-dossier-dialog"
      initialValues={{ typeKey: localStorage.getItem(lastTypeKey(login)) ?? DEFAULT_TYPE, level: Math.min(settings.defaultDossierLevel, clearance), departmentCode: session?.user.department?.code }}
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => <CreateDossierFields form={form} />}
    </FormDialog>
  );
}

export function CreateDossierFields({ form }: { form: FormInstance<NewDossierValues> }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const { levels, label, level } = useLevels();
  const can = useCan();
  const departments = useFileableDepartments();
  const types = useChannel('type:list', {});
  const typeKey = Form.useWatch('typeKey', form) ?? PLAIN;
  const fields = useDeferredValue(filledFields(Form.useWatch('fields', form)));
  const chosenLevel = Form.useWatch('level', form);
  const departmentCode = Form.useWatch('departmentCode', form);
  const type = types.data?.find((candidate) => candidate.key === typeKey);
  const clearance = session?.user.clearance ?? 0;
  const customers = useCustomerOptions();
  const preview = useChannel('dossier:preview-number', { typeKey, fields, ...(departmentCode ? { departmentCode } : {}) }, typeKey !== PLAIN);
  const english = i18n.language === 'en';
  const marked = chosenLevel !== undefined && level(chosenLevel).marked;

  useEffect(() => {
    // A type that no longer exists (remembered from an earlier archive) falls back to no type.
    if (types.data && typeKey !== PLAIN && !type) form.setFieldValue('typeKey', types.data.some((ty) => ty.key === DEFAULT_TYPE) ? DEFAULT_TYPE : PLAIN);
  }, [types.data, type, typeKey, form]);
  useEffect(() => {
    // A type brings its own default level.
    if (type) form.setFieldValue('level', Math.min(type.defaultLevel, clearance));
  }, [type, form, clearance]);

  return (
    <>
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
      >
        <Input placeholder={titlePlaceholder(t, type, english)} maxLength={TITLE_MAX} />
      </Form.Item>
      {type && <TypeFieldsGrid fields={type.fields} />}
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
            <Select data-testid="department-select" loading={departments.loading} options={departments.departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
        </Col>
      </Row>
      {marked && (
        <>
          <Alert type="warning" showIcon title={t('dossier.markedHint')} className="form-alert" />
          {can('dossier.classify') && (
            <Form.Item name="custodian" label={t('dossier.custodian')} extra={t('dossier.custodianMarked')}>
              <CustodianSelect level={chosenLevel} departmentCode={departmentCode} />
            </Form.Item>
          )}
        </>
      )}
      {can('dossier.read') && (
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
    </>
  );
}
