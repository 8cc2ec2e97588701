import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierScans } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { FormDialog } from '../../ui/FormDialog';

interface Props {
  open: boolean;
  scans: DossierScans;
  pageIds: number[];
  onClose: () => void;
  onMoved: (next: DossierScans) => void;
}

/** Moves the selected pages to the end of another document of the dossier. */
export function MovePagesDialog({ open, scans, pageIds, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const chosen = new Set(pageIds);
  // A document that holds every selected page already is no destination.
  const holdsAll = (pages: { id: number }[]) => pageIds.every((id) => pages.some((p) => p.id === id));
  const options = scans.documents.map((d) => ({
    value: d.documentId,
    label: `${d.title}（${t('scans.pages', { count: d.pages.filter((p) => !chosen.has(p.id)).length })}）`,
    disabled: holdsAll(d.pages),
  }));
  return (
    <FormDialog<{ toDocumentId: number }>
      open={open}
      title={t('scans.moveTitle', { count: pageIds.length })}
      okText={t('scans.moveOk')}
      initialValues={{}}
      testId="move-pages-dialog"
      onClose={onClose}
      onSubmit={async ({ toDocumentId }) => onMoved(await call('scan:move', { pageIds, toDocumentId }))}
    >
      <Form.Item name="toDocumentId" label={t('scans.moveTo')} rules={[{ required: true, message: t('scans.chooseDocument') }]} extra={t('scans.moveHint')}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="move-target" />
      </Form.Item>
    </FormDialog>
  );
}
