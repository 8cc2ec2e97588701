import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_NUMBERS_MAX, type CheckScope } from '../../../../shared/contract';
import { FormDialog } from '../../ui/FormDialog';
import { CheckProgressNote } from './CheckProgressNote';
import { CheckResultModal } from './CheckResultModal';
import { useFourCheck } from './use-four-check';

interface Values {
  kind: 'archive' | 'dossiers';
  numbers?: string;
}

const numbersIn = (text: string | undefined) => [...new Set((text ?? '').split(/[\s,，、;；]+/).filter(Boolean))];

function scopeOf(values: Values): CheckScope {
  return values.kind === 'archive' ? { kind: 'archive' } : { kind: 'dossiers', archiveNumbers: numbersIn(values.numbers) };
}

/** The auditor's and the administrator's 四性 check: the whole archive, or the archive numbers listed. */
export function FourCheckButton() {
  const { t } = useTranslation();
  const check = useFourCheck();
  const [open, setOpen] = useState(false);

  const submit = async (values: Values) => {
    await check.run(scopeOf(values));
    setOpen(false);
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)} data-testid="four-check-button">
        {t('fourCheck.title')}
      </Button>
      <FormDialog<Values> open={open} title={t('fourCheck.title')} okText={t('fourCheck.run')} testId="four-check-dialog" initialValues={{ kind: 'archive' }} onSubmit={submit} onClose={() => setOpen(false)}>
        {(form) => (
          <>
            <Form.Item name="kind" label={t('fourCheck.scope')} extra={t('fourCheck.hint')}>
              <Radio.Group
                options={[
                  { value: 'archive', label: t('fourCheck.wholeArchive') },
                  { value: 'dossiers', label: t('fourCheck.someDossiers') },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.kind !== b.kind}>
              {() =>
                form.getFieldValue('kind') === 'dossiers' && (
                  <Form.Item
                    name="numbers"
                    label={t('fourCheck.numbers')}
                    rules={[
                      { required: true, whitespace: true, message: t('fourCheck.numbersRequired') },
                      { validator: async (_, value: string | undefined) => (numbersIn(value).length > CHECK_NUMBERS_MAX ? Promise.reject(new Error(t('fourCheck.tooMany', { max: CHECK_NUMBERS_MAX }))) : Promise.resolve()) },
                    ]}
                  >
                    <Input.TextArea rows={4} placeholder={t('fourCheck.numbersPlaceholder')} data-testid="four-check-numbers" />
                  </Form.Item>
                )
              }
            </Form.Item>
            <CheckProgressNote progress={check.progress} />
          </>
        )}
      </FormDialog>
      <CheckResultModal result={check.result} onClose={check.clear} />
    </>
  );
}
