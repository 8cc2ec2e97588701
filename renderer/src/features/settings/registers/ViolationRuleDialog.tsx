import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentSummary, DossierTypeView } from '../../../../../shared/contract';
import { describeIssues } from '../../../../../shared/validation';
import { correctableTriggers, unitsOfTrigger, violationRuleSchema, violationTriggerLabels, violationTriggers, violationUnitLabels, type ViolationRule, type ViolationTrigger, type ViolationUnit } from '../../../../../shared/violation-rules';
import { ApiError } from '../../../lib/api';
import { FormDialog } from '../../../ui/FormDialog';
import { fromViolationForm, toViolationForm, type ViolationRuleForm } from './violation-form';
import { pick, wordsOf } from './words';

interface Lists {
  types: readonly DossierTypeView[];
  departments: readonly DepartmentSummary[];
}

interface Props extends Lists {
  open: boolean;
  /** The rule edited; null for a new one. */
  rule: ViolationRule | null;
  /** Codes of the other rules listed: a code names one rule. */
  otherCodes: readonly string[];
  onDone: (rule: ViolationRule) => void;
  onClose: () => void;
}

/**
 * The rule's own check – its schema, and a code no other rule has – thrown as the core would throw
 * it, so the dialog shows each problem beside its field before the rule joins the list.
 */
function checked(rule: ViolationRule, otherCodes: readonly string[], duplicate: { message: string; messageEn: string }): ViolationRule {
  const parsed = violationRuleSchema.safeParse(rule);
  const issues = parsed.success ? [] : describeIssues(parsed.error);
  if (otherCodes.includes(rule.code)) issues.push({ path: 'code', ...duplicate });
  const [first] = issues;
  if (!first) return rule;
  throw new ApiError({ code: 'VALIDATION', message: first.message, messageEn: first.messageEn, issues });
}

/** The fields, each offering what the rule's trigger and types allow. */
function ViolationRuleFields({ types, departments }: Lists) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const form = Form.useFormInstance<ViolationRuleForm>();
  const trigger: ViolationTrigger = Form.useWatch('trigger', form) ?? 'intake-late';
  const chosenTypes = Form.useWatch('types', form) ?? [];
  const chosenDepartments = Form.useWatch('departments', form) ?? [];
  const typeName = (type: DossierTypeView) => (words.en ? (type.nameEn ?? type.name) : type.name);
  const every = t('registerSettings.every');
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];

  // Checklist items of the chosen types (of every type when none is chosen), each once.
  const scope = chosenTypes.length > 0 ? types.filter((type) => chosenTypes.includes(type.key)) : types;
  const items = [...new Map(scope.flatMap((type) => type.checklist.map((item) => [item.key, { value: item.key, label: `${words.en ? (item.nameEn ?? item.name) : item.name}（${typeName(type)}）` }] as const))).values()];
  const known = new Set(departments.map((d) => d.code));
  const departmentOptions = [
    ...departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
    ...chosenDepartments.filter((code) => !known.has(code)).map((code) => ({ value: code, label: t('registerSettings.unknownDepartment', { code }) })),
  ];
  const triggerChanged = (next: ViolationTrigger) => {
    // A unit the new trigger cannot count in gives way to its usual one.
    const per = form.getFieldValue('per') as ViolationUnit;
    if (!unitsOfTrigger[next].includes(per)) form.setFieldValue('per', unitsOfTrigger[next][0]);
  };

  return (
    <>
      <Flex gap={12}>
        <Form.Item name="code" label={t('registerSettings.ruleCode')} rules={required(t('registerSettings.ruleCode'))}>
          <Input maxLength={16} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="name" label={t('registerSettings.ruleName')} style={{ flex: 1 }} rules={required(t('registerSettings.ruleName'))}>
          <Input maxLength={60} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="trigger" label={t('registerSettings.trigger')}>
          <Select style={{ width: 180 }} options={violationTriggers.map((each) => ({ value: each, label: pick(violationTriggerLabels[each], words) }))} onChange={triggerChanged} />
        </Form.Item>
        <Form.Item name="amount" label={t('registerSettings.amount')} rules={[{ required: true, message: t('common.required', { field: t('registerSettings.amount') }) }]}>
          <InputNumber min={0} max={100000} precision={2} step={10} suffix={t('registerSettings.yuan')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="per" label={t('registerSettings.per')}>
          <Select style={{ width: 150 }} options={unitsOfTrigger[trigger].map((unit) => ({ value: unit, label: pick(violationUnitLabels[unit], words) }))} />
        </Form.Item>
        {correctableTriggers.includes(trigger) && (
          <Form.Item name="repeatAfterWorkdays" label={t('registerSettings.repeatAfter')} tooltip={t('registerSettings.repeatAfterHint')}>
            <InputNumber min={1} max={30} precision={0} placeholder={t('registerSettings.words.noRepeat')} suffix={t('registerSettings.workdays')} style={{ width: 170 }} />
          </Form.Item>
        )}
      </Flex>
      <Form.Item name="types" label={t('registerSettings.ruleTypes')}>
        <Select mode="multiple" allowClear placeholder={every} options={types.map((type) => ({ value: type.key, label: typeName(type) }))} />
      </Form.Item>
      {trigger === 'intake-missing-item' && (
        <Form.Item name="items" label={t('registerSettings.ruleItems')}>
          <Select mode="multiple" allowClear placeholder={every} options={items} optionFilterProp="label" />
        </Form.Item>
      )}
      <Form.Item name="departments" label={t('registerSettings.ruleDepartments')} extra={t('registerSettings.ruleDepartmentsHint')}>
        <Select mode="multiple" allowClear placeholder={every} optionFilterProp="label" options={departmentOptions} />
      </Form.Item>
    </>
  );
}

/**
 * A violation rule edited in full: what it looks for, the fine, where it applies and whether it
 * repeats. The rule goes into the section's list; the section's save stores it.
 */
export function ViolationRuleDialog({ open, rule, otherCodes, types, departments, onDone, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const submit = (values: ViolationRuleForm) => {
    const made = fromViolationForm(values);
    const duplicate = { message: i18n.getFixedT('zh-CN')('registerSettings.duplicateCode', { code: made.code }), messageEn: i18n.getFixedT('en')('registerSettings.duplicateCode', { code: made.code }) };
    onDone(checked(made, otherCodes, duplicate));
    return Promise.resolve();
  };
  return (
    <FormDialog<ViolationRuleForm>
      open={open}
      title={rule ? t('registerSettings.editViolationRule', { code: rule.code }) : t('registerSettings.addViolationRule')}
      width={720}
      testId="violation-rule-dialog"
      requiredMark={false}
      initialValues={toViolationForm(rule)}
      onSubmit={submit}
      onClose={onClose}
      okText={t('common.confirm')}
    >
      <ViolationRuleFields types={types} departments={departments} />
    </FormDialog>
  );
}
