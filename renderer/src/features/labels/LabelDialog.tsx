import { Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SHEET, labelSheets, type SheetId } from '../../../../shared/label-sheets';

export interface LabelChoice {
  sheet: SheetId;
  startAt: number;
}

interface Props {
  open: boolean;
  busy: boolean;
  /** How many dossiers' labels (one dossier's when not given). */
  count?: number;
  onPrint: (choice: LabelChoice) => void;
  onCancel: () => void;
}

/** Which label sheet, and where on a partly used one to begin. */
export function LabelDialog({ open, busy, count, onPrint, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LabelChoice>();
  return (
    <Modal
      open={open}
      title={count === undefined ? t('labels.labelTitle') : t('labels.labelsTitle', { count })}
      okText={t('labels.print')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onPrint)}
      data-testid="label-dialog"
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ sheet: DEFAULT_SHEET, startAt: 1 }}>
        <Form.Item name="sheet" label={t('labels.sheet')}>
          <Select data-testid="label-sheet" options={labelSheets.map((sheet) => ({ value: sheet.id, label: i18n.language === 'en' ? sheet.name.en : sheet.name.zh }))} />
        </Form.Item>
        <Form.Item name="startAt" label={t('labels.startAt')} extra={t('labels.startAtHelp')} rules={[{ required: true, message: t('common.required', { field: t('labels.startAt') }) }]}>
          <InputNumber min={1} max={200} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
