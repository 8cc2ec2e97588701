import { App, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { carrierLabels, carriers, type Carrier, type DossierDetail, type FieldValues } from '../../../../shared/contract';
import type { Retention } from '../../../../shared/dossier-types';
import { useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { DateInput } from '../../ui/DateInput';
import { FormDialog } from '../../ui/FormDialog';
import { TITLE_MAX, changedFields } from './dossier-form';
import { TypeFieldsGrid } from './TypeFieldsGrid';

interface Values {
  title: string;
  fields?: FieldValues;
  classification?: string | null;
  carrier: Carrier;
  openedOn?: string | null;
  /** Unset for a dossier that has no retention yet (one made without a type). */
  retentionKind?: Retention['kind'];
  retentionYears?: number;
  remarks?: string;
  departmentCode: string;
}

/** The retention the form says, or null while none is chosen. */
const retentionOf = (values: Values): Retention | null =>
  values.retentionKind === undefined ? null : values.retentionKind === 'permanent' ? { kind: 'permanent' } : { kind: 'years', years: values.retentionYears ?? DEFAULT_YEARS };
const DEFAULT_YEARS = 30;

/**
 * Corrects a dossier's description: title, subject fields, classification, carrier, the day it
 * was opened, retention, remarks – and its department, for those allowed to move dossiers. The
 * archive number never changes; level and custodian are set by 定密.
 */
export function EditDossierDialog({ dossier, open, onClose, onSaved }: { dossier: DossierDetail; open: boolean; onClose: () => void; onSaved: (detail: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const departments = useChannel('department:list', {}, open && can('dossier.reassign'));
  const english = i18n.language === 'en';
  const before = Object.fromEntries(dossier.fields.map((f) => [f.key, f.value]));
  const masked = new Set(dossier.fields.filter((f) => f.masked).map((f) => f.key));

  const submit = async (values: Values) => {
    const fields = changedFields(before, values.fields, masked);
    const retention = retentionOf(values);
    const changes = {
      ...(values.title.trim() !== dossier.title ? { title: values.title.trim() } : {}),
      ...(Object.keys(fields).length > 0 ? { fields } : {}),
      ...(dossier.classificationScheme && (values.classification ?? null) !== dossier.classification ? { classification: values.classification ?? null } : {}),
      ...(values.carrier !== dossier.carrier ? { carrier: values.carrier } : {}),
      ...(values.openedOn && values.openedOn !== dossier.openedOn ? { openedOn: values.openedOn } : {}),
      ...(retention && JSON.stringify(retention) !== JSON.stringify(dossier.retention) ? { retention } : {}),
      ...((values.remarks?.trim() || null) !== dossier.remarks ? { remarks: values.remarks?.trim() || null } : {}),
      ...(values.departmentCode !== dossier.department.code ? { departmentCode: values.departmentCode } : {}),
    };
    // Nothing changed: nothing to save, and nothing for the audit trail to record.
    if (Object.keys(changes).length === 0) {
      void message.info(t('common.unchanged'));
      onClose();
      return;
    }
    const detail = await call('dossier:update', { archiveNumber: dossier.archiveNumber, ...changes });
    void message.success(t('common.saved'));
    onSaved(detail);
  };

  return (
    <FormDialog<Values>
      open={open}
      width={760}
      title={t('dossier.editTitle', { number: dossier.archiveNumber })}
      requiredMark
      testId="edit-dossier-dialog"
      initialValues={{
        title: dossier.title,
        fields: Object.fromEntries(dossier.fields.map((f) => [f.key, f.masked ? null : f.value])),
        classification: dossier.classification,
        carrier: dossier.carrier,
        openedOn: dossier.openedOn,
        ...(dossier.retention ? { retentionKind: dossier.retention.kind } : {}),
        retentionYears: dossier.retention?.kind === 'years' ? dossier.retention.years : DEFAULT_YEARS,
        remarks: dossier.remarks ?? '',
        departmentCode: dossier.department.code,
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Form.Item
            name="title"
            label={t('dossier.title')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('dossier.title') }) },
              { max: TITLE_MAX, message: t('common.tooLong', { field: t('dossier.title'), max: TITLE_MAX }) },
            ]}
          >
            <Input maxLength={TITLE_MAX} data-testid="edit-title" />
          </Form.Item>
          <TypeFieldsGrid fields={dossier.fields} />
          <Row gutter={16}>
            {dossier.classificationScheme && (
              <Col span={8}>
                <Form.Item name="classification" label={dossier.classificationScheme.name}>
                  <Select allowClear options={dossier.classificationScheme.values.map((v) => ({ value: v, label: v }))} />
                </Form.Item>
              </Col>
            )}
            <Col span={8}>
              <Form.Item name="carrier" label={t('catalogue.carrier')}>
                <Select options={carriers.map((c) => ({ value: c, label: english ? carrierLabels[c].en : carrierLabels[c].zh }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="openedOn" label={t('catalogue.openedOn')} rules={[{ required: true, message: t('common.required', { field: t('catalogue.openedOn') }) }]}>
                <DateInput testId="edit-opened-on" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label={t('catalogue.retention')} extra={dossier.retention ? undefined : t('catalogue.noRetention')}>
                <Form.Item name="retentionKind" noStyle>
                  <Radio.Group
                    options={[
                      { value: 'permanent', label: t('catalogue.permanent') },
                      { value: 'years', label: t('catalogue.years') },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.retentionKind !== b.retentionKind}>
                  {() =>
                    form.getFieldValue('retentionKind') === 'years' && (
                      <Form.Item name="retentionYears" noStyle rules={[{ required: true, message: t('common.required', { field: t('catalogue.retention') }) }]}>
                        <InputNumber min={1} max={100} suffix={t('catalogue.yearUnit')} className="years-input" data-testid="edit-retention-years" />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="departmentCode" label={t('dossier.department')} extra={can('dossier.reassign') ? t('dossier.reassignHint') : undefined}>
                <Select
                  disabled={!can('dossier.reassign')}
                  options={(departments.data ?? [dossier.department]).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
                  data-testid="edit-department"
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="remarks" label={t('catalogue.remarks')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
