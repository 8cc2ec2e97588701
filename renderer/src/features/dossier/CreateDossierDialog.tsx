import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierSummary } from '../../../../shared/contract';
import { departmentSubtreeCodes } from '../../../../shared/departments';
import { useArchiveSettings, useCan, useLevels } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (dossier: DossierSummary) => void;
}

interface Values {
  title: string;
  level: number;
  departmentCode: string;
}

const TITLE_MAX = 200;

export function CreateDossierDialog({ open, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const { settings } = useArchiveSettings();
  const { levels, label, level } = useLevels();
  const can = useCan();
  const departments = useChannel('department:list', {}, open);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const chosenLevel = Form.useWatch('level', form);
  const clearance = session?.user.clearance ?? 0;
  const ownDepartment = session?.user.department?.code;
  // Only departments whose dossiers this user may see; the core checks the same rule.
  const scope = ownDepartment ? departmentSubtreeCodes(departments.data ?? [], ownDepartment) : new Set<string>();
  const departmentOptions = (departments.data ?? []).filter((d) => can('dossier.read-all') || scope.has(d.code));

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const dossier = await call('dossier:create', { title: values.title, level: values.level, departmentCode: values.departmentCode });
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
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ level: Math.min(settings.defaultDossierLevel, clearance), departmentCode: ownDepartment }}
        onFinish={() => void submit().catch(() => undefined)}
      >
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
        <Form.Item name="level" label={t('dossier.level')}>
          <Select
            data-testid="level-select"
            options={levels.map((_, rank) => ({ value: rank, label: label(rank), disabled: rank > clearance, title: rank > clearance ? t('dossier.levelAboveClearance') : undefined }))}
          />
        </Form.Item>
        {chosenLevel !== undefined && level(chosenLevel).marked && <Alert type="warning" showIcon title={t('dossier.markedHint')} className="form-alert" />}
        <Form.Item name="departmentCode" label={t('dossier.department')}>
          <Select data-testid="department-select" loading={departments.loading} options={departmentOptions.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
        </Form.Item>
        <Typography.Text type="secondary">{t('dossier.numberHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}
