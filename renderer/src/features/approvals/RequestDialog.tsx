import { Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { authorities, authorityLabels, outsiderKinds } from '../../../../shared/approval-routing';
import { requestKinds, type ApprovalRequestView, type DossierDetail, type Outsider, type RequestKind } from '../../../../shared/contract';
import { useArchiveSettings, useCan } from '../../app/ArchiveSettings';
import { call } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { FormDialog } from '../../ui/FormDialog';
import { kindLabel } from './request-labels';

interface Values {
  kind: RequestKind;
  purpose: string;
  reason?: string;
  days?: number;
  copies?: number;
  documentIds?: number[];
  who: 'self' | 'user' | 'outsider';
  requester?: string;
  outsider?: Outsider;
}

interface Props {
  dossier: Pick<DossierDetail, 'archiveNumber' | 'title' | 'documents'>;
  /** The kind the dialog opens with (e.g. export, after an export was refused). */
  kind: RequestKind | null;
  onClose: () => void;
  onFiled: (request: ApprovalRequestView) => void;
}

const PERIODIC: readonly RequestKind[] = ['loan', 'consultation'];

const periodHints = { general: 'approvals.periodHint', level: 'approvals.periodHintLevel', type: 'approvals.periodHintType' } as const;

/**
 * A request to consult, borrow, copy, excerpt or export a dossier – for oneself, or registered by
 * an archive clerk for a colleague or an outsider who asked in writing.
 */
export function RequestDialog({ dossier, kind, onClose, onFiled }: Props) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { settings } = useArchiveSettings();
  const mayRegister = can('register.keep');
  const language = i18n.language;
  // The longest period for this dossier (general, or shorter for its level or type), known before the dialog opens.
  const limit = useChannel('loan:period-limit', { archiveNumber: dossier.archiveNumber }, kind !== null);
  const maxDays = limit.data?.maxDays ?? settings.loanMaxDays;

  const submit = async (values: Values) => {
    const filed = await call('approval:request', {
      archiveNumber: dossier.archiveNumber,
      kind: values.kind,
      purpose: values.purpose,
      ...(values.reason ? { reason: values.reason } : {}),
      ...(PERIODIC.includes(values.kind) && values.days ? { days: values.days } : {}),
      ...(values.kind === 'copy' && values.copies ? { copies: values.copies } : {}),
      ...(values.documentIds && values.documentIds.length > 0 ? { documentIds: values.documentIds } : {}),
      ...(values.who === 'user' && values.requester ? { requester: values.requester } : {}),
      ...(values.who === 'outsider' && values.outsider ? { outsider: values.outsider } : {}),
    });
    onFiled(filed);
  };

  return (
    <FormDialog<Values>
      open={kind !== null && !limit.loading}
      title={t('approvals.requestTitle', { number: dossier.archiveNumber })}
      initialValues={{ kind: kind ?? 'consultation', who: 'self', days: Math.min(maxDays, 3), copies: 1 }}
      onSubmit={submit}
      onClose={onClose}
      okText={t('approvals.submit')}
      width={620}
      testId="request-dialog"
    >
      {(form) => (
        <>
          <p className="dialog-subtitle">{dossier.title}</p>
          {mayRegister && (
            <Form.Item name="who" label={t('approvals.who')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'self', label: t('approvals.whoSelf') },
                  { value: 'user', label: t('approvals.whoUser') },
                  { value: 'outsider', label: t('approvals.whoOutsider') },
                ]}
                data-testid="request-who"
              />
            </Form.Item>
          )}
          <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.who !== b.who || a.kind !== b.kind}>
            {() => {
              const who = form.getFieldValue('who') as Values['who'];
              const chosen = form.getFieldValue('kind') as RequestKind;
              const kinds = who === 'outsider' ? outsiderKinds : requestKinds;
              return (
                <>
                  {who === 'user' && (
                    <Form.Item name="requester" label={t('approvals.requesterLogin')} rules={[{ required: true, message: t('approvals.requesterRequired') }]}>
                      <Input data-testid="request-requester" />
                    </Form.Item>
                  )}
                  {who === 'outsider' && <OutsiderFields />}
                  <Form.Item name="kind" label={t('approvals.kind')} rules={[{ required: true }]}>
                    <Radio.Group options={kinds.map((k) => ({ value: k, label: kindLabel(k, language) }))} data-testid="request-kind" />
                  </Form.Item>
                  <Form.Item name="purpose" label={t('approvals.purpose')} rules={[{ required: true, whitespace: true, message: t('approvals.purposeRequired') }]}>
                    <Input maxLength={200} data-testid="request-purpose" />
                  </Form.Item>
                  <Form.Item name="reason" label={t('approvals.reason')}>
                    <Input.TextArea rows={2} maxLength={500} />
                  </Form.Item>
                  <Form.Item name="documentIds" label={t('approvals.what')} extra={t('approvals.whatHint')}>
                    <Select mode="multiple" allowClear placeholder={t('approvals.wholeDossier')} options={dossier.documents.map((d) => ({ value: d.id, label: d.title }))} />
                  </Form.Item>
                  {PERIODIC.includes(chosen) && (
                    <Form.Item name="days" label={t('approvals.period')} extra={t(periodHints[limit.data?.limitedBy ?? 'general'], { max: maxDays })}>
                      <InputNumber min={1} max={maxDays} addonAfter={t('approvals.daysUnit')} data-testid="request-days" />
                    </Form.Item>
                  )}
                  {chosen === 'copy' && (
                    <Form.Item name="copies" label={t('approvals.copies')}>
                      <InputNumber min={1} max={99} />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

/** An outsider's papers (LE-10): police, procuratorate or court staff bring an assistance notice. */
function OutsiderFields() {
  const { t, i18n } = useTranslation();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <>
      <Form.Item name={['outsider', 'name']} label={t('approvals.outsiderName')} rules={required(t('approvals.outsiderNameRequired'))}>
        <Input maxLength={40} data-testid="outsider-name" />
      </Form.Item>
      <Form.Item name={['outsider', 'organisation']} label={t('approvals.outsiderOrganisation')} rules={required(t('approvals.outsiderOrganisationRequired'))}>
        <Input maxLength={80} data-testid="outsider-organisation" />
      </Form.Item>
      <Form.Item name={['outsider', 'idNumber']} label={t('approvals.outsiderId')} rules={required(t('approvals.outsiderIdRequired'))}>
        <Input maxLength={40} data-testid="outsider-id" />
      </Form.Item>
      <Form.Item name={['outsider', 'letterNumber']} label={t('approvals.letterNumber')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name={['outsider', 'authority']} label={t('approvals.authority')} extra={t('approvals.authorityHint')}>
        <Select allowClear options={authorities.map((a) => ({ value: a, label: i18n.language === 'en' ? authorityLabels[a].en : authorityLabels[a].zh }))} />
      </Form.Item>
      <Form.Item name={['outsider', 'assistanceNotice']} label={t('approvals.assistanceNotice')}>
        <Input maxLength={40} />
      </Form.Item>
    </>
  );
}
