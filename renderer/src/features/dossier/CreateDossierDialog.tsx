import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (dossier: DossierSummary) => void;
}

const TITLE_MAX = 200;

export function CreateDossierDialog({ open, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const dossier = await call('dossier:create', { title: values.title });
      void message.success(t('dossier.created', { number: dossier.archiveNumber }));
      form.resetFields();
      onCreated(dossier);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('dossier.createTitle')}
      okText={t('dossier.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      data-testid="create-dossier-dialog"
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit().catch(() => undefined)}>
        <Form.Item
          name="title"
          label={t('dossier.title')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('dossier.title') }) },
            { max: TITLE_MAX, message: t('common.tooLong', { field: t('dossier.title'), max: TITLE_MAX }) },
          ]}
        >
          <Input placeholder={t('dossier.titlePlaceholder')} autoFocus maxLength={TITLE_MAX} showCount />
        </Form.Item>
        <Typography.Text type="secondary">{t('dossier.numberHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
