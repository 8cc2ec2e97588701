import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ConfidentialityLevel, LevelLabelling } from '../../../../shared/levels';
import { useArchiveSettings, useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';

interface Values {
  levels: ConfidentialityLevel[];
  levelLabelling: LevelLabelling;
  defaultDossierLevel: number;
}

/** The confidentiality scale, lowest first, with what each level means (classified, marked). */
export function LevelsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings, reload } = useArchiveSettings();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const levels = Form.useWatch('levels', form) ?? settings.levels;
  const mayEdit = can('security.manage');

  const save = async () => {
    const values = await form.validateFields();
    try {
      const levelsToSave = values.levels.map((l) => ({ ...l, grade: l.grade?.trim() ? l.grade.trim() : null, nameEn: l.nameEn?.trim() ? l.nameEn.trim() : null }));
      await call('security:update-policy', { levels: levelsToSave, levelLabelling: values.levelLabelling, defaultDossierLevel: values.defaultDossierLevel });
      void message.success(t('common.saved'));
      reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={!mayEdit}
      initialValues={{ levels: settings.levels, levelLabelling: settings.levelLabelling, defaultDossierLevel: settings.defaultDossierLevel }}
      key={JSON.stringify(settings.levels)}
    >
      <Alert type="info" showIcon title={t('settings.levelsHint')} className="form-alert" />
      <Form.List name="levels">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap className="level-row" data-testid="level-row">
                <Typography.Text type="secondary">{index}</Typography.Text>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('settings.levelName') }) }]}>
                  <Input placeholder={t('settings.levelName')} maxLength={16} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'nameEn']}>
                  <Input placeholder={t('settings.levelNameEn')} maxLength={24} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'grade']}>
                  <Input placeholder={t('settings.grade')} maxLength={8} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'classified']} valuePropName="checked">
                  <Checkbox>{t('dossier.classified')}</Checkbox>
                </Form.Item>
                <Form.Item name={[field.name, 'marked']} valuePropName="checked">
                  <Checkbox>{t('settings.markedFlag').split('（')[0]}</Checkbox>
                </Form.Item>
                {fields.length > 2 && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />}
              </Space>
            ))}
            {fields.length < 9 && (
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', grade: null, classified: true, marked: true })}>
                {t('settings.addLevel')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" className="level-legend">
        {t('settings.classifiedFlag')}
        <br />
        {t('settings.markedFlag')}
      </Typography.Paragraph>
      <Form.Item name="levelLabelling" label={t('settings.labelling')}>
        <Radio.Group options={[{ value: 'name', label: t('settings.byName') }, { value: 'grade', label: t('settings.byGrade') }]} />
      </Form.Item>
      <Form.Item name="defaultDossierLevel" label={t('settings.defaultLevel')}>
        <Select style={{ width: 200 }} options={levels.map((level, rank) => ({ value: rank, label: level?.name || String(rank) }))} />
      </Form.Item>
      {mayEdit && (
        <Button type="primary" onClick={() => void save().catch(() => undefined)}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
