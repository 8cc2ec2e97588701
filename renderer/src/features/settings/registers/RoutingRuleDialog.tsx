import { Divider, Flex, Form, Input, Radio, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { requestKindLabels, requestKinds, requesterRelations, type RoutingRule } from '../../../../../shared/approval-routing';
import { subjectKinds } from '../../../../../shared/dossier-types';
import { FormDialog } from '../../../ui/FormDialog';
import { onForm } from './form-issues';
import { within } from './issue-paths';
import { ApproverList } from './ApproverList';
import { fromRuleForm, newRuleKey, toRuleForm, type RoutingRuleForm } from './routing-rule-form';
import { useSettingsSave } from './use-settings-save';
import { pick, wordsOf } from './words';

/**
 * Adds a routing rule (`index` null) or changes the one at `index`, and saves the rules at once:
 * what the core refuses about this rule is shown beside its field, about another rule above.
 */
export function RoutingRuleDialog({ open, index, onClose }: { open: boolean; index: number | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const { settings, save } = useSettingsSave();
  const rules = settings.approvalRouting;
  const original = index === null ? null : (rules[index] ?? null);

  const submit = async (values: RoutingRuleForm, form: FormInstance<RoutingRuleForm>) => {
    const rule = fromRuleForm(values, original, original?.key ?? newRuleKey(rules));
    const place = index ?? rules.length;
    const next: RoutingRule[] = index === null ? [...rules, rule] : rules.map((each, i) => (i === index ? rule : each));
    try {
      await save({ approvalRouting: next });
    } catch (error) {
      throw onForm(error, form, within(`approvalRouting.${place}`));
    }
    onClose();
  };

  const any = t('registerSettings.anyCondition');
  return (
    <FormDialog<RoutingRuleForm>
      open={open}
      title={original ? t('registerSettings.editRule') : t('registerSettings.addRule')}
      width={760}
      testId="routing-rule-dialog"
      requiredMark={false}
      initialValues={toRuleForm(original)}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="label" label={t('registerSettings.ruleLabel')} extra={t('registerSettings.ruleLabelHint')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('registerSettings.ruleLabel') }) }]}>
        <Input maxLength={60} showCount />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('registerSettings.when')}
      </Divider>
      <Flex gap={12} wrap>
        <Form.Item name={['when', 'relation']} label={t('registerSettings.relation')} style={{ flex: 1, minWidth: 200 }}>
          <Select mode="multiple" allowClear placeholder={any} options={requesterRelations.map((r) => ({ value: r, label: t(`registerSettings.relations.${r}`) }))} data-testid="rule-relation" />
        </Form.Item>
        <Form.Item name={['when', 'classified']} label={t('registerSettings.classified')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'any', label: any },
              { value: 'classified', label: t('registerSettings.words.classified') },
              { value: 'not-classified', label: t('registerSettings.words.notClassified') },
            ]}
          />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name={['when', 'subjectKinds']} label={t('registerSettings.subjectKinds')} style={{ flex: 1, minWidth: 200 }}>
          <Select mode="multiple" allowClear placeholder={any} options={subjectKinds.map((kind) => ({ value: kind, label: t(`types.subject.${kind}`) }))} data-testid="rule-subject-kinds" />
        </Form.Item>
        <Form.Item name={['when', 'kinds']} label={t('registerSettings.kinds')} style={{ flex: 1, minWidth: 200 }}>
          <Select mode="multiple" allowClear placeholder={any} options={requestKinds.map((kind) => ({ value: kind, label: pick(requestKindLabels[kind], words) }))} data-testid="rule-kinds" />
        </Form.Item>
      </Flex>
      <Divider titlePlacement="start" plain>
        {t('registerSettings.approvers')}
      </Divider>
      <ApproverList />
      <Form.Item name="requiresAssistanceNotice" valuePropName="checked" label={t('registerSettings.assistanceNotice')} extra={t('registerSettings.assistanceNoticeHint')} style={{ marginTop: 16 }}>
        <Switch />
      </Form.Item>
    </FormDialog>
  );
}
