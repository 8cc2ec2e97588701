import { UndoOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemSettings } from '../../../../../shared/contract';
import { useSettingsAction } from './use-settings-save';

/** 恢复默认: puts a section's settings back to the shipped defaults, once confirmed (what it replaces is named). */
export function RestoreDefaults({ defaults, question, testId }: { defaults: Partial<SystemSettings>; question: string; testId: string }) {
  const { t } = useTranslation();
  const act = useSettingsAction();
  return (
    <Popconfirm title={t('registerSettings.restoreTitle')} description={question} okText={t('registerSettings.restore')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void act(defaults)}>
      <Button icon={<UndoOutlined />} data-testid={testId}>
        {t('registerSettings.restore')}
      </Button>
    </Popconfirm>
  );
}
