import { Button, Card, Checkbox, Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScanInboxSetting } from '../../../../shared/contract';
import { useArchiveSettings, useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';

/** The scanner's output folder (扫描收件箱): where the scanner saves, what happens to filed files, how files are watched. */
export function ScanInboxCard({ run }: { run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const can = useCan();
  const [form] = Form.useForm<ScanInboxSetting>();
  const afterFiling = Form.useWatch('afterFiling', form) ?? settings.scanInbox.afterFiling;
  return (
    <Card title={t('inbox.settingTitle')} size="small" data-testid="scan-inbox-card">
      <Form form={form} layout="vertical" disabled={!can('settings.manage')} initialValues={settings.scanInbox} onFinish={(values) => void run(() => call('settings:update', { scanInbox: { ...values, folder: values.folder ?? '', moveTo: values.moveTo ?? '' } }))}>
        <Form.Item name="folder" label={t('inbox.settingFolder')} extra={t('inbox.settingFolderHelp')}>
          <Input allowClear style={{ width: 460 }} data-testid="scan-inbox-folder" />
        </Form.Item>
        <Form.Item name="afterFiling" label={t('inbox.settingAfterFiling')} extra={afterFiling === 'move' ? t('inbox.settingMoveHelp') : t('inbox.settingRemoveHelp')}>
          <Radio.Group data-testid="scan-inbox-after-filing" options={[{ value: 'remove', label: t('inbox.settingRemove') }, { value: 'move', label: t('inbox.settingMove') }]} />
        </Form.Item>
        {afterFiling === 'move' && (
          <Form.Item name="moveTo" label={t('inbox.settingMoveTo')} extra={t('inbox.settingMoveToHelp')}>
            <Input style={{ width: 460 }} />
          </Form.Item>
        )}
        <Form.Item name="stableSeconds" label={t('inbox.settingStableSeconds')} extra={t('inbox.settingStableSecondsHelp')}>
          <InputNumber min={1} max={120} data-testid="scan-inbox-stable-seconds" />
        </Form.Item>
        <Form.Item name="polling" valuePropName="checked">
          <Checkbox>{t('inbox.settingPolling')}</Checkbox>
        </Form.Item>
        {can('settings.manage') && (
          <Button type="primary" htmlType="submit" data-testid="scan-inbox-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
