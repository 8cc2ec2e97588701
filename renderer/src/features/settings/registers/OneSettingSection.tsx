import { Alert, Button, Form, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemSettings } from '../../../../../shared/contract';
import { useArchiveSettings } from '../../../app/ArchiveSettings';
import { useFormSave } from './use-settings-save';

interface OneSettingProps<K extends keyof SystemSettings> {
  name: K;
  label: string;
  hint: string;
  mayEdit: boolean;
  /** The control of the setting's value. */
  children: ReactNode;
  testId: string;
}

/** One system setting in a small form of its own, saved on its own; what the core refuses is shown beside it. */
export function OneSettingSection<K extends keyof SystemSettings>(props: OneSettingProps<K>) {
  const { settings } = useArchiveSettings();
  // A new form whenever the setting changes: a form instance keeps the values it was given.
  return <OneSettingForm key={JSON.stringify(settings[props.name])} {...props} />;
}

function OneSettingForm<K extends keyof SystemSettings>({ name, label, hint, mayEdit, children, testId }: OneSettingProps<K>) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const [form] = Form.useForm<Partial<SystemSettings>>();
  const { submit, failure } = useFormSave(form);
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={!mayEdit}
      initialValues={{ [name]: settings[name] }}
      onFinish={(values) => void submit({ [name]: values[name] })}
      data-testid={testId}
    >
      <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} className="form-alert" />}
      <Form.Item name={String(name)} label={label}>
        {children}
      </Form.Item>
      {mayEdit && (
        <Button type="primary" htmlType="submit" data-testid={`save-${testId}`}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
