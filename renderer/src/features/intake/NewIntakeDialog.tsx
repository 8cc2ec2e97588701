import { FolderAddOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space, type FormInstance, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierTypeView, InputOf, IntakeDetail } from '../../../../shared/contract';
import { useArchiveSettings } from '../../app/ArchiveSettings';
import { useSession } from '../../app/SessionProvider';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { useFocusWhenShown } from '../../lib/use-focus-when-shown';
import { signedRule } from '../../ui/signature-rule';
import { FormDialog } from '../../ui/FormDialog';
import { SignatureField } from '../../ui/SignatureField';
import { existingRow, openedRow } from './dossier-rows';
import { IntakeDossierCard } from './IntakeDossierCard';
import { intakeInput, type DossierRow, type IntakeValues } from './intake-form';
import { OpenDossierDialog } from './OpenDossierDialog';

interface Props {
  open: boolean;
  onClose: () => void;
  onAdded: (intake: IntakeDetail) => void;
}

/** A hand-over: who brings which dossiers from where, what of each is missing, and both signatures. */
export function NewIntakeDialog({ open, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { session } = useSession();
  const submit = async (_: IntakeValues, form: FormInstance<IntakeValues>) => {
    // The rows hold more than their fields (checklist, names): the whole store is the intake.
    onAdded(await call('intake:add', intakeInput(form.getFieldsValue(true) as IntakeValues)));
  };
  return (
    <FormDialog<IntakeValues>
      open={open}
      title={t('intake.addTitle')}
      okText={t('intake.addOk')}
      width={900}
      testId="intake-dialog"
      initialValues={{ handedOverAt: dayjs(), dossiers: [], handedBySignature: { name: '' }, receiverSignature: { name: session?.user.displayName ?? '' } }}
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => <IntakeFields form={form} />}
    </FormDialog>
  );
}

function IntakeFields({ form }: { form: FormInstance<IntakeValues> }) {
  const { t, i18n } = useTranslation();
  const { settings } = useArchiveSettings();
  const departments = useChannel('department:list', {});
  const [looking, setLooking] = useState(0);
  const pending = useRef(new Set<string>());
  const [opening, setOpening] = useState(false);
  const scanField = useRef<InputRef>(null);
  const scanFieldRef = useFocusWhenShown(scanField);
  // The rows hold more than their registered fields: watch the whole store's list.
  const rows = Form.useWatch('dossiers', { form, preserve: true }) ?? [];
  const fromDepartment = Form.useWatch('fromDepartment', form) as string | undefined;
  const english = i18n.language === 'en';
  const current = () => (form.getFieldValue('dossiers') ?? []) as DossierRow[];
  const scanError = (message: string | null) => form.setFields([{ name: 'scan', errors: message ? [message] : [] }]);

  const addRow = (row: DossierRow) => {
    form.setFieldValue('dossiers', [...current(), row]);
    scanError(null);
  };

  // A scanner gun types the number and presses Enter: the dossier joins the list, the field empties and keeps the focus for the next one.
  // The field is never disabled meanwhile: that would take the focus, and the next number typed would go nowhere.
  const addScanned = async () => {
    const number = String(form.getFieldValue('scan') ?? '').trim();
    if (!number) return;
    form.setFieldValue('scan', '');
    if (pending.current.has(number) || current().some((row) => row.archiveNumber === number)) {
      scanError(t('intake.scanDuplicate', { number }));
      return;
    }
    pending.current.add(number);
    setLooking((n) => n + 1);
    try {
      const [dossier, shortages] = await Promise.all([call('dossier:get', { archiveNumber: number }), call('intake:shortages', { archiveNumber: number })]);
      addRow(existingRow(dossier, shortages, settings, english));
    } catch (failure) {
      scanError(errorText(failure, i18n.language));
    } finally {
      pending.current.delete(number);
      setLooking((n) => n - 1);
    }
  };

  const onScanKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Enter adds the dossier; it must not register the intake.
    event.preventDefault();
    void addScanned();
  };

  const signed = [signedRule(t('intake.signatureRequired'))];

  const opened = (input: InputOf<'dossier:create'>, type: DossierTypeView | null) => {
    setOpening(false);
    addRow(openedRow(input, type, settings, english));
    scanField.current?.focus();
  };

  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="fromDepartment" label={t('intake.fromDepartment')} rules={[{ required: true, message: t('intake.fromDepartmentRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.loading}
              options={(departments.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
              data-testid="intake-department"
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['handedBy', 'name']} label={t('intake.handedBy')} rules={[{ required: true, whitespace: true, message: t('intake.handedByRequired') }]}>
            <Input maxLength={40} data-testid="intake-handed-by" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="handedOverAt" label={t('intake.handedOverAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('intake.scan')} extra={t('intake.scanHint')} required>
        <Space.Compact className="full-width">
          <Form.Item name="scan" noStyle validateTrigger={[]} rules={[{ validator: () => (current().length > 0 ? Promise.resolve() : Promise.reject(new Error(t('intake.noDossiers')))) }]}>
            <Input ref={scanFieldRef} allowClear placeholder={t('intake.scanPlaceholder')} onKeyDown={onScanKey} suffix={looking > 0 ? <LoadingOutlined /> : <span />} data-testid="intake-scan" />
          </Form.Item>
          <Button icon={<FolderAddOutlined />} onClick={() => setOpening(true)} data-testid="intake-open-here">
            {t('intake.openHere')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Space orientation="vertical" size={12} className="full-width intake-dossiers">
        {rows.map((row, index) => (
          <IntakeDossierCard key={row.archiveNumber ?? `new-${index}`} index={index} row={row} onRemove={() => form.setFieldValue('dossiers', current().filter((_, i) => i !== index))} />
        ))}
      </Space>
      <Form.Item name="shortageNote" label={t('intake.shortageNote')} extra={t('intake.shortageNoteHint')} className="intake-note">
        <Input.TextArea rows={2} maxLength={1000} data-testid="intake-note" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="handedBySignature" label={t('intake.handedBySignature')} rules={signed}>
            <SignatureField testId="handed-by-signature" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="receiverSignature" label={t('intake.receiverSignature')} rules={signed}>
            <SignatureField testId="receiver-signature" />
          </Form.Item>
        </Col>
      </Row>
      <OpenDossierDialog open={opening} departmentCode={fromDepartment} onClose={() => setOpening(false)} onOpened={opened} />
    </>
  );
}
