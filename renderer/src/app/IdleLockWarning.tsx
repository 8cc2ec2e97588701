import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IdleWarning } from './useIdleWatch';

/** A minute before the idle lock: what is not saved would be lost; one click keeps the session. */
export function IdleLockWarning({ seconds, keepWorking }: IdleWarning) {
  const { t } = useTranslation();
  return (
    <Modal open={seconds !== null} title={t('login.idleWarningTitle')} okText={t('login.keepWorking')} onOk={keepWorking} onCancel={keepWorking} cancelButtonProps={{ style: { display: 'none' } }} maskClosable={false} data-testid="idle-warning">
      {t('login.idleWarning', { seconds: seconds ?? 0 })}
    </Modal>
  );
}
