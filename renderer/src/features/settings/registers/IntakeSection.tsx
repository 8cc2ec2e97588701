import { Alert, Button, Flex, Form, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultSettings, type DossierTypeView } from '../../../../../shared/contract';
import { useArchiveSettings } from '../../../app/ArchiveSettings';
import { deadlineWords } from './deadline-words';
import { GIVEN_AT_INTAKE, dateFieldsOf, fromIntakeForm, toIntakeForm, type IntakeForm } from './intake-form';
import { RestoreDefaults } from './RestoreDefaults';
import { clearChangedErrors } from './form-issues';
import { useFormSave } from './use-settings-save';
import { wordsOf } from './words';

/** 签收: per dossier type, whether a hand-over has a deadline, the date it runs from and its working days (IN-02…IN-13). */
function IntakeSectionForm({ mayEdit, types }: { mayEdit: boolean; types: readonly DossierTypeView[] }) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const { settings } = useArchiveSettings();
  const [form] = Form.useForm<IntakeForm>();
  const rows = Form.useWatch('intakeDeadlines', form);
  const { submit, failure } = useFormSave(form);
  const fieldLabel = (field: DossierTypeView['fields'][number]) => (words.en ? (field.labelEn ?? field.label) : field.label);

  /** The type's date fields, the "given at each hand-over" choice, and – marked – a field the setting names that is no date field of the type (any more). */
  const triggerOptions = (type: DossierTypeView) => {
    const dates = dateFieldsOf(type).map((field) => ({ value: field.key, label: fieldLabel(field) }));
    const stored = settings.intakeDeadlines[type.key]?.triggerField;
    const stray = stored && !dates.some((d) => d.value === stored) ? [{ value: stored, label: t('registerSettings.notADateField', { field: stored }) }] : [];
    return [...dates, ...stray, { value: GIVEN_AT_INTAKE, label: t('registerSettings.givenAtIntake') }];
  };

  return (
    <Form<IntakeForm> form={form} onValuesChange={(changed: object) => clearChangedErrors(form, changed)} disabled={!mayEdit} initialValues={toIntakeForm(settings.intakeDeadlines, types)} onFinish={() => void submit({ intakeDeadlines: fromIntakeForm(form.getFieldsValue(true) as IntakeForm, types) })} data-testid="intake-settings">
      <Flex justify="space-between" align="start" gap={12}>
        <Typography.Paragraph type="secondary">{t('registerSettings.intakeHint')}</Typography.Paragraph>
        {mayEdit && <RestoreDefaults defaults={{ intakeDeadlines: defaultSettings.intakeDeadlines }} question={t('registerSettings.restoreIntake')} testId="restore-intake" />}
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" />}
      <Table<DossierTypeView>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={[...types]}
        data-testid="intake-deadlines"
        columns={[
          {
            title: t('registerSettings.type'),
            key: 'type',
            render: (_, type) => (
              <>
                {words.en ? (type.nameEn ?? type.name) : type.name} {!type.active && <Tag>{t('registerSettings.inactiveType')}</Tag>}
              </>
            ),
          },
          {
            title: t('registerSettings.hasDeadline'),
            key: 'on',
            width: 110,
            render: (_, type) => (
              <Form.Item name={['intakeDeadlines', type.key, 'on']} valuePropName="checked" style={{ margin: 0 }}>
                <Switch aria-label={`${type.name} ${t('registerSettings.hasDeadline')}`} />
              </Form.Item>
            ),
          },
          {
            title: t('registerSettings.triggerField'),
            key: 'trigger',
            width: 260,
            render: (_, type) => (
              <Form.Item name={['intakeDeadlines', type.key, 'triggerField']} style={{ margin: 0 }}>
                <Select style={{ width: 230 }} disabled={!mayEdit || !rows?.[type.key]?.on} options={triggerOptions(type)} aria-label={`${type.name} ${t('registerSettings.triggerField')}`} />
              </Form.Item>
            ),
          },
          {
            title: t('registerSettings.deadline'),
            key: 'workdays',
            width: 190,
            render: (_, type) => {
              const on = rows?.[type.key]?.on ?? false;
              return (
                <Form.Item name={['intakeDeadlines', type.key, 'workdays']} style={{ margin: 0 }} rules={on ? [{ required: true, message: t('registerSettings.workdaysRequired') }] : []}>
                  <InputNumber min={0} max={60} precision={0} disabled={!mayEdit || !on} suffix={t('registerSettings.workdays')} style={{ width: 160 }} aria-label={`${type.name} ${t('registerSettings.deadline')}`} />
                </Form.Item>
              );
            },
          },
          { title: t('registerSettings.default'), key: 'default', render: (_, type) => <Typography.Text type="secondary">{deadlineWords(defaultSettings.intakeDeadlines[type.key], type, words)}</Typography.Text> },
        ]}
      />
      <Alert type="info" showIcon title={t('registerSettings.noDeadlineHint')} style={{ marginTop: 12 }} />
      {mayEdit && (
        <Button type="primary" htmlType="submit" style={{ marginTop: 16 }} data-testid="save-intake-settings">
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}

export function IntakeSection({ mayEdit, types }: { mayEdit: boolean; types: readonly DossierTypeView[] }) {
  const { settings } = useArchiveSettings();
  return <IntakeSectionForm key={JSON.stringify([settings.intakeDeadlines, types.map((type) => [type.key, type.version])])} mayEdit={mayEdit} types={types} />;
}
