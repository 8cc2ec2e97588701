import { App, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t('password.title')} footer={null} onCancel={onClose} destroyOnHidden>
      <ChangePasswordForm
        onChanged={() => {
          void message.success(t('password.changed'));
          onClose();
        }}
      />
    </Modal>
  );
}
