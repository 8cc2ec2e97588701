import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select, Space, Tabs, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { checklistEvidence, fieldKinds, searchRoles, subjectKinds, type TypeDefinition } from '../../../../shared/dossier-types';
import { useLevels } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { blankType, fromForm, toForm, type TypeForm } from './type-form';
import { retentionFromOptions } from '../disposal/retention-from-options';

interface Props {
  /** The type to change, a template for a new one, or null when closed. */
  editing: { type: TypeDefinition; isNew: boolean } | { type: null; isNew: true } | null;
  onClose: () => void;
  onSaved: () => void;
}

const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*$/;

/**
 * The administrator's editor of a dossier type: basics and numbering, fields, document groups and
 * the checklist. Saving makes a new version; dossiers made with an older one keep it.
 */
export function TypeEditor({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { levels, label: levelLabel } = useLevels();
  const [form] = Form.useForm<TypeForm>();
  const { attempt, busy } = useAttempt();
  const isNew = editing?.isNew ?? false;
  const fields = Form.useWatch('fields', form) ?? [];
  const groups = Form.useWatch('groups', form) ?? [];
  const items = Form.useWatch('checklist', form) ?? [];
  const retentionKind = Form.useWatch('retentionKind', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.type ? { ...toForm(editing.type), ...(editing.isNew ? { key: '', code: '', name: `${editing.type.name}（副本）` } : {}) } : blankType());
  }, [editing, form]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await attempt(async () => {
      await call('type:save', { definition: fromForm(values) });
      onSaved();
    }, t('types.saved', { name: values.name }));
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const keyRule = { pattern: KEY_PATTERN, message: t('types.keyRule') };
  /** Rows of a list label their columns on the first row only. */
  const head = (index: number, text: string) => (index === 0 ? text : undefined);
  /** A row's buttons: up one place (when the list has an order), remove. */
  const actions = (index: number, onRemove: () => void, onMoveUp?: () => void) => (
    <Form.Item label={head(index, ' ')}>
      <Space size={0}>
        {onMoveUp && (
          <Button type="text" disabled={index === 0} onClick={onMoveUp} aria-label={t('catalogue.moveUp')}>
            ↑
          </Button>
        )}
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('catalogue.remove')} />
      </Space>
    </Form.Item>
  );
  const fieldTokens = fields.map((f) => f?.key).filter(Boolean).map((key) => `{${key}}`).join(' ');
  const fieldOptions = fields.filter((f) => f?.key).map((f) => ({ value: f.key, label: `${f.label || f.key}（${f.key}）` }));

  const basics = (
    <>
      <Flex gap={12}>
        <Form.Item name="name" label={t('types.name')} rules={[required(t('types.name'))]} className="grow">
          <Input maxLength={32} data-testid="type-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('types.nameEn')} className="grow">
          <Input maxLength={48} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="key" label={t('types.key')} rules={[required(t('types.key')), { pattern: /^[a-z][a-z0-9-]{1,31}$/, message: t('types.typeKeyRule') }]} extra={isNew ? t('types.keyFixed') : undefined}>
          <Input disabled={!isNew} placeholder="vehicle-lease" data-testid="type-key" />
        </Form.Item>
        <Form.Item name="code" label={t('types.code')} rules={[required(t('types.code')), { pattern: /^[A-Z0-9]{1,8}$/, message: t('types.codeRule') }]}>
          <Input placeholder="ZL" style={{ width: 120 }} data-testid="type-code" />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('types.subjectKind')}>
          <Select style={{ width: 160 }} options={subjectKinds.map((kind) => ({ value: kind, label: t(`types.subject.${kind}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item name="numbering" label={t('types.numbering')} rules={[required(t('types.numbering'))]} extra={t('types.numberingHelp', { fields: fieldTokens || '—' })}>
        <Input maxLength={80} data-testid="type-numbering" />
      </Form.Item>
      <Form.Item name="titleTemplate" label={t('types.titleTemplate')} extra={t('types.titleTemplateHelp')}>
        <Input maxLength={120} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="defaultLevel" label={t('types.defaultLevel')}>
          <Select style={{ width: 140 }} options={levels.map((_, rank) => ({ value: rank, label: levelLabel(rank) }))} />
        </Form.Item>
        <Form.Item label={t('catalogue.retention')}>
          <Space.Compact>
            <Form.Item name="retentionKind" noStyle>
              <Select
                style={{ width: 110 }}
                options={[
                  { value: 'permanent', label: t('types.permanent') },
                  { value: 'years', label: t('types.years') },
                ]}
              />
            </Form.Item>
            {retentionKind === 'years' && (
              <Form.Item name="retentionYears" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={100} suffix={t('types.yearUnit')} style={{ width: 110 }} />
              </Form.Item>
            )}
          </Space.Compact>
        </Form.Item>
        <Form.Item name="retentionFrom" label={t('disposal.retentionFrom')}>
          <Select style={{ width: 180 }} data-testid="type-retention-from" options={retentionFromOptions(fields, t)} />
        </Form.Item>
        <Form.Item name="classificationName" label={t('types.classificationName')}>
          <Input maxLength={16} placeholder={t('types.classificationPlaceholder')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="classificationValues" label={t('types.classificationValues')} className="grow">
          <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} placeholder="一般、特殊" />
        </Form.Item>
      </Flex>
      <Typography.Text strong>{t('types.customerFields')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('types.customerFieldsHelp')}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {(['name', 'phone', 'idCode', 'address'] as const).map((role) => (
          <Form.Item key={role} name={['customer', role]} label={t(`types.customer.${role}`)}>
            <Select allowClear style={{ width: 180 }} placeholder={role === 'name' ? t('types.noCustomer') : '—'} options={fieldOptions} data-testid={`type-customer-${role}`} />
          </Form.Item>
        ))}
      </Flex>
    </>
  );

  const fieldList = (
    <Form.List name="fields">
      {(items, { add, remove: drop, move }) => (
        <>
          {items.map(({ key, name }, index) => {
            const kind = fields[name]?.kind;
            return (
              <div key={key} className="type-row" data-testid="type-field-row">
                <Flex gap={8} align="start" wrap>
                  <Form.Item name={[name, 'label']} rules={[required(t('types.fieldLabel'))]} label={head(index, t('types.fieldLabel'))}>
                    <Input maxLength={32} style={{ width: 130 }} placeholder={t('types.fieldLabel')} />
                  </Form.Item>
                  <Form.Item name={[name, 'key']} rules={[required(t('types.fieldKey')), keyRule]} label={head(index, t('types.fieldKey'))}>
                    <Input maxLength={40} style={{ width: 130 }} placeholder="customerName" />
                  </Form.Item>
                  <Form.Item name={[name, 'kind']} label={head(index, t('types.fieldKind'))}>
                    <Select style={{ width: 100 }} options={fieldKinds.map((k) => ({ value: k, label: t(`types.kind.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name={[name, 'search']} label={head(index, t('types.searchRole'))}>
                    <Select allowClear style={{ width: 150 }} placeholder={t('types.notSearched')} options={searchRoles.map((r) => ({ value: r, label: t(`types.search.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked" label={head(index, ' ')}>
                    <Checkbox>{t('types.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[name, 'sensitive']} valuePropName="checked" label={head(index, ' ')}>
                    <Checkbox>{t('catalogue.sensitive')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[name, 'unique']} valuePropName="checked" label={head(index, ' ')} tooltip={index === 0 ? t('types.uniqueHelp') : undefined}>
                    <Checkbox data-testid="type-field-unique">{t('types.unique')}</Checkbox>
                  </Form.Item>
                  {actions(index, () => drop(name), () => move(index, index - 1))}
                </Flex>
                {(kind === 'choice' || kind === 'multi-choice') && (
                  <Form.Item name={[name, 'choices']} rules={[{ required: true, message: t('types.choicesNeeded') }]} className="type-row-choices">
                    <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder={t('types.choices')} />
                  </Form.Item>
                )}
              </div>
            );
          })}
          <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', kind: 'text', required: false, sensitive: false })} data-testid="add-type-field">
            {t('types.addField')}
          </Button>
        </>
      )}
    </Form.List>
  );

  const groupList = (
    <Form.List name="groups">
      {(items, { add, remove: drop }) => (
        <>
          {items.map(({ key, name }, index) => (
            <Flex key={key} gap={8} align="start" className="type-row">
              <Form.Item name={[name, 'name']} rules={[required(t('catalogue.group'))]} label={head(index, t('types.groupName'))}>
                <Input maxLength={40} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[name, 'key']} rules={[required(t('types.fieldKey')), keyRule]} label={head(index, t('types.fieldKey'))}>
                <Input maxLength={24} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[name, 'binding']} label={head(index, t('types.binding'))}>
                <Select
                  style={{ width: 140 }}
                  options={[
                    { value: 'bound', label: t('types.bound') },
                    { value: 'loose-leaf', label: t('types.looseLeaf') },
                  ]}
                />
              </Form.Item>
              {actions(index, () => drop(name))}
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', binding: 'bound' })}>
            {t('types.addGroup')}
          </Button>
        </>
      )}
    </Form.List>
  );

  const checklist = (
    <Form.List name="checklist">
      {(items, { add, remove: drop, move }) => (
        <>
          {items.map(({ key, name }, index) => (
            <Flex key={key} gap={8} align="start" wrap className="type-row" data-testid="type-item-row">
              <Form.Item name={[name, 'name']} rules={[required(t('types.itemName'))]} label={head(index, t('types.itemName'))}>
                <Input maxLength={80} style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name={[name, 'key']} rules={[required(t('types.fieldKey')), keyRule]} label={head(index, t('types.fieldKey'))}>
                <Input maxLength={40} style={{ width: 120 }} />
              </Form.Item>
              {groups.length > 0 && (
                <Form.Item name={[name, 'group']} label={head(index, t('catalogue.group'))}>
                  <Select allowClear style={{ width: 130 }} options={groups.filter((g) => g?.key).map((g) => ({ value: g.key, label: g.name }))} />
                </Form.Item>
              )}
              <Form.Item name={[name, 'requirement']} label={head(index, t('catalogue.requirement'))}>
                <Select style={{ width: 100 }} options={(['required', 'conditional', 'optional'] as const).map((r) => ({ value: r, label: t(`catalogue.${r}`) }))} />
              </Form.Item>
              <Form.Item name={[name, 'expected']} label={head(index, t('catalogue.expected'))}>
                <Select style={{ width: 130 }} options={(['original', 'copy', 'either'] as const).map((e) => ({ value: e, label: t(`catalogue.${e}`) }))} />
              </Form.Item>
              <Form.Item name={[name, 'evidence']} label={head(index, t('catalogue.evidence'))}>
                <Select style={{ width: 130 }} data-testid={`type-item-evidence-${index}`} options={checklistEvidence.map((e) => ({ value: e, label: t(`catalogue.evidence_${e}`) }))} />
              </Form.Item>
              <Form.Item name={[name, 'note']} label={head(index, t('catalogue.note'))}>
                <Input maxLength={200} style={{ width: 180 }} />
              </Form.Item>
              {actions(index, () => drop(name), () => move(index, index - 1))}
            </Flex>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', requirement: 'required', expected: 'original', evidence: 'paper' })} data-testid="add-type-item">
            {t('types.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );

  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={1040}
      title={isNew ? t('types.create') : t('types.edit', { name: editing?.type?.name ?? '' })}
      data-testid="type-editor"
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-type">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {!isNew && <Alert type="info" showIcon className="form-alert" title={t('types.versionNote')} />}
      <Form<TypeForm> form={form} layout="vertical" requiredMark={false} className="type-form">
        <Tabs
          items={[
            { key: 'basics', label: t('types.basics'), children: basics, forceRender: true },
            { key: 'fields', label: `${t('types.fields')} (${fields.length})`, children: fieldList, forceRender: true },
            { key: 'groups', label: `${t('types.groups')} (${groups.length})`, children: groupList, forceRender: true },
            { key: 'checklist', label: `${t('catalogue.checklist')} (${items.length})`, children: checklist, forceRender: true },
          ]}
        />
      </Form>
      <Typography.Paragraph type="secondary">{t('types.keysNote')}</Typography.Paragraph>
    </Drawer>
  );
}
