import { Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupSetting } from '../../../../shared/contract';
import { useArchiveSettings, useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';

/** Scheduled backups (BK-01): the folder on another disk, how often, how many are kept, at once after important events, restore drills. */
export function BackupCard({ run }: { run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const can = useCan();
  const required = (label: string) => ({ required: true, message: t('common.required', { field: t(label) }) });
  return (
    <Card title={t('backup.settingTitle')} size="small" data-testid="backup-setting-card">
      <Typography.Paragraph type="secondary">{t('backup.settingIntro')}</Typography.Paragraph>
      <Form<BackupSetting> layout="vertical" requiredMark={false} disabled={!can('settings.manage')} initialValues={settings.backup} onFinish={(values) => void run(() => call('settings:update', { backup: { ...values, folder: values.folder ?? '' } }))}>
        <Form.Item name="folder" label={t('backup.settingFolder')} extra={t('backup.settingFolderHelp')}>
          <Input allowClear style={{ width: 460 }} data-testid="backup-folder" />
        </Form.Item>
        <Form.Item name="intervalDays" label={t('backup.settingInterval')} extra={t('backup.settingIntervalHelp')} rules={[required('backup.settingInterval')]}>
          <InputNumber min={1} max={7} precision={0} data-testid="backup-interval" />
        </Form.Item>
        <Form.Item name="keep" label={t('backup.settingKeep')} extra={t('backup.settingKeepHelp')} rules={[required('backup.settingKeep')]}>
          <InputNumber min={1} max={100} precision={0} data-testid="backup-keep" />
        </Form.Item>
        <Form.Item name="afterImportantEvents" valuePropName="checked">
          <Checkbox data-testid="backup-after-events">{t('backup.settingAfterEvents')}</Checkbox>
        </Form.Item>
        <Form.Item name="drillDays" label={t('backup.settingDrillDays')} extra={t('backup.settingDrillDaysHelp')} rules={[required('backup.settingDrillDays')]}>
          <InputNumber min={7} max={90} precision={0} data-testid="backup-drill-days" />
        </Form.Item>
        {can('settings.manage') && (
          <Button type="primary" htmlType="submit" data-testid="backup-setting-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
