import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveSettings, useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { ScanInboxCard } from './ScanInboxCard';
import { BackupCard } from './BackupCard';

/** The save button of a system setting's form, for those who manage the settings. */
function SaveForManagers() {
  const { t } = useTranslation();
  return useCan()('settings.manage') ? (
    <Button type="primary" htmlType="submit">
      {t('common.save')}
    </Button>
  ) : null;
}

type NumberSetting = 'idleLockMinutes' | 'scanMaxMegabytes';

/** One whole-number system setting in a card of its own, saved on its own. */
function NumberSettingCard({ name, min, max, help, run }: { name: NumberSetting; min: number; max: number; help?: string; run: (work: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const { settings } = useArchiveSettings();
  const can = useCan();
  return (
    <Card title={t(`settings.${name}`)} size="small">
      <Form layout="inline" disabled={!can('settings.manage')} initialValues={{ [name]: settings[name] }} onFinish={(values: Record<NumberSetting, number>) => void run(() => call('settings:update', { [name]: values[name] }))}>
        <Form.Item name={name} label={t(`settings.${name}`)} extra={help}>
          <InputNumber min={min} max={max} data-testid={`setting-${name}`} />
        </Form.Item>
        <SaveForManagers />
      </Form>
    </Card>
  );
}

/** Password and lockout policy, the idle lock, the largest scan, the company name on printed registers, and three-role separation. */
export function PolicyTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings, reload } = useArchiveSettings();
  const can = useCan();
  const mayManageSecurity = can('security.manage');
  const users = useChannel('user:list', {}, mayManageSecurity && !settings.threeRoleSeparation);
  const [choice, setChoice] = useState<{ securityAdmin?: string; securityAuditor?: string }>({});

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('common.saved'));
      reload();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };

  const candidates = (users.data ?? []).filter((u) => u.status === 'active' && !u.roles.includes('admin')).map((u) => ({ value: u.login, label: `${u.displayName}（${u.login}）` }));

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} key={JSON.stringify(settings)}>
      <Card title={t('settings.policy')} size="small">
        <Form
          layout="inline"
          disabled={!mayManageSecurity}
          initialValues={{ passwordMinLength: settings.passwordMinLength, lockoutAttempts: settings.lockoutAttempts, lockoutMinutes: settings.lockoutMinutes }}
          onFinish={(values: { passwordMinLength: number; lockoutAttempts: number; lockoutMinutes: number }) => void run(() => call('security:update-policy', values))}
        >
          <Form.Item name="passwordMinLength" label={t('settings.passwordMinLength')}>
            <InputNumber min={8} max={64} />
          </Form.Item>
          <Form.Item name="lockoutAttempts" label={t('settings.lockoutAttempts')}>
            <InputNumber min={3} max={20} />
          </Form.Item>
          <Form.Item name="lockoutMinutes" label={t('settings.lockoutMinutes')}>
            <InputNumber min={1} max={1440} />
          </Form.Item>
          {mayManageSecurity && (
            <Button type="primary" htmlType="submit">
              {t('common.save')}
            </Button>
          )}
        </Form>
      </Card>
      <NumberSettingCard name="idleLockMinutes" min={1} max={240} run={run} />
      <NumberSettingCard name="scanMaxMegabytes" min={1} max={256} run={run} help={t('settings.scanMaxMegabytesHelp')} />
      <ScanInboxCard run={run} />
      <BackupCard run={run} />
      <Card title={t('settings.companyName')} size="small">
        <Form
          layout="inline"
          disabled={!can('settings.manage')}
          initialValues={{ companyName: settings.companyName }}
          onFinish={(values: { companyName?: string }) => void run(() => call('settings:update', { companyName: values.companyName ?? '' }))}
        >
          <Form.Item name="companyName" label={t('settings.companyName')} extra={t('settings.companyNameHelp')}>
            <Input maxLength={60} showCount allowClear style={{ width: 460 }} data-testid="company-name" />
          </Form.Item>
          <SaveForManagers />
        </Form>
      </Card>
      <Card title={t('settings.separation')} size="small" data-testid="separation-card">
        <Alert type={settings.threeRoleSeparation ? 'success' : 'info'} showIcon title={settings.threeRoleSeparation ? t('settings.separationOn') : t('settings.separationOff')} className="form-alert" />
        {mayManageSecurity && !settings.threeRoleSeparation && (
          <Space wrap>
            <Select style={{ width: 220 }} placeholder={t('settings.securityAdmin')} options={candidates} onChange={(securityAdmin: string) => setChoice((c) => ({ ...c, securityAdmin }))} />
            <Select style={{ width: 220 }} placeholder={t('settings.securityAuditor')} options={candidates} onChange={(securityAuditor: string) => setChoice((c) => ({ ...c, securityAuditor }))} />
            <Button
              type="primary"
              disabled={!choice.securityAdmin || !choice.securityAuditor}
              onClick={() => void run(() => call('security:enable-separation', { securityAdmin: choice.securityAdmin ?? '', securityAuditor: choice.securityAuditor ?? '' }))}
            >
              {t('settings.enableSeparation')}
            </Button>
          </Space>
        )}
        {mayManageSecurity && settings.threeRoleSeparation && (
          <Button danger onClick={() => void run(() => call('security:disable-separation', {}))}>
            {t('settings.disableSeparation')}
          </Button>
        )}
      </Card>
    </Space>
  );
}
