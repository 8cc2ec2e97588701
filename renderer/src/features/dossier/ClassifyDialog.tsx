import { Alert, App, Form, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';

interface Values {
  level: number;
  custodian: string | null;
  storedSeparately: boolean;
}

/** 定密: level, custodian, separate storage. Marked levels are always stored separately with a custodian. */
export function ClassifyDialog({ dossier, open, onClose, onSaved }: { dossier: DossierDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { levels, label, level } = useLevels();
  const users = useChannel('user:list', {}, open && (session?.user.permissions.includes('user.read') ?? false));
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const chosen = Form.useWatch('level', form) ?? dossier.level;
  const marked = level(chosen).marked;
  const clearance = session?.user.clearance ?? 0;
  const custodianOptions = (users.data ?? [])
    .filter((u) => u.status === 'active' && u.clearance >= chosen)
    .map((u) => ({ value: u.login, label: `${u.displayName}（${u.login}）` }));
  if (dossier.custodian && !custodianOptions.some((o) => o.value === dossier.custodian?.login)) {
    custodianOptions.push({ value: dossier.custodian.login, label: `${dossier.custodian.displayName}（${dossier.custodian.login}）` });
  }

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await call('dossier:classify', { archiveNumber: dossier.archiveNumber, level: values.level, custodian: values.custodian, storedSeparately: marked || values.storedSeparately });
      void message.success(t('common.saved'));
      onSaved();
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('dossier.classifyTitle', { number: dossier.archiveNumber })} okText={t('common.save')} confirmLoading={busy} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ level: dossier.level, custodian: dossier.custodian?.login ?? null, storedSeparately: dossier.storedSeparately }}>
        <Form.Item name="level" label={t('dossier.level')}>
          <Select options={levels.map((_, rank) => ({ value: rank, label: label(rank), disabled: rank > clearance }))} />
        </Form.Item>
        {marked && <Alert type="warning" showIcon title={t('dossier.markedHint')} className="form-alert" />}
        <Form.Item name="custodian" label={t('dossier.custodian')}>
          <Select allowClear options={custodianOptions} />
        </Form.Item>
        <Form.Item name="storedSeparately" label={t('dossier.storedSeparately')} valuePropName="checked">
          <Switch disabled={marked} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
