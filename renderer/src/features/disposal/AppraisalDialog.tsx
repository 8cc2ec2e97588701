import { Checkbox, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { appraisalDecisions, type AppraisalDecision } from '../../../../shared/disposal';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';

interface Values {
  decision: AppraisalDecision;
  reason: string;
  committee: string;
  years?: number;
  permanent?: boolean;
  transferTo?: string;
}

/** The appraisal committee's decision on the selected dossiers. */
export function AppraisalDialog({ archiveNumbers, onClose }: { archiveNumbers: string[]; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { attempt, busy } = useAttempt();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const permanent = Form.useWatch('permanent', form);
  const submit = (values: Values) =>
    attempt(async () => {
      const base = { archiveNumbers, reason: values.reason, committee: values.committee };
      const input =
        values.decision === 'keep'
          ? { ...base, decision: 'keep' as const, retention: values.permanent ? { kind: 'permanent' as const } : { kind: 'years' as const, years: values.years ?? 0 } }
          : values.decision === 'transfer'
            ? { ...base, decision: 'transfer' as const, transferTo: values.transferTo ?? '' }
            : { ...base, decision: 'destroy' as const };
      await call('appraisal:decide', input);
      onClose(true);
    }, t('disposal.appraised', { count: archiveNumbers.length }));
  return (
    <Modal open title={t('disposal.appraiseTitle', { count: archiveNumbers.length })} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ 'data-testid': 'appraisal-ok' }}>
      <Form form={form} layout="vertical" initialValues={{ decision: 'destroy' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="decision" label={t('disposal.decision')}>
          <Radio.Group data-testid="appraisal-decision">
            {appraisalDecisions.map((d) => (
              <Radio.Button key={d} value={d}>
                {t(`disposal.decisions.${d}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {decision === 'keep' && (
          <Form.Item label={t('disposal.newYears')}>
            <Form.Item name="years" noStyle rules={[{ required: !permanent }]}>
              <InputNumber min={1} max={100} disabled={permanent} />
            </Form.Item>
            <Form.Item name="permanent" valuePropName="checked" noStyle>
              <Checkbox style={{ marginInlineStart: 12 }}>{t('disposal.permanent')}</Checkbox>
            </Form.Item>
          </Form.Item>
        )}
        {decision === 'transfer' && (
          <Form.Item name="transferTo" label={t('disposal.transferTo')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('disposal.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="appraisal-reason" />
        </Form.Item>
        <Form.Item name="committee" label={t('disposal.committee')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="appraisal-committee" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
