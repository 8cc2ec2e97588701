import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierScans } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

interface Props {
  open: boolean;
  pageIds: number[];
  onClose: () => void;
  onRemoved: (next: DossierScans) => void;
}

/** Takes the selected pages out of their documents, with the reason (audited; the files stay until disposal). */
export function RemovePagesDialog({ open, pageIds, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ reason: string }>
      open={open}
      title={t('scans.removeTitle', { count: pageIds.length })}
      okText={t('scans.removeOk')}
      initialValues={{}}
      testId="remove-pages-dialog"
      onClose={onClose}
      onSubmit={async ({ reason }) => onRemoved(await call('scan:remove', { pageIds, reason: reason.trim() }))}
    >
      <p className="dialog-subtitle">{t('scans.removeHint')}</p>
      <Form.Item name="reason" label={t('scans.reason')} rules={[{ required: true, whitespace: true, message: t('scans.reasonRequired') }]}>
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} data-testid="remove-reason" />
      </Form.Item>
    </FormDialog>
  );
}
