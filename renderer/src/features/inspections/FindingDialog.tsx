import { CloseOutlined } from '@ant-design/icons';
import { Form, Input, Select, Space, Tag, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingView, InspectionView } from '../../../../shared/contract';
import { findingKinds, type FindingKind } from '../../../../shared/inspections';
import { call } from '../../lib/api';
import { useFocusWhenShown } from '../../lib/use-focus-when-shown';
import { FormDialog } from '../../ui/FormDialog';
import { PhotoDrop } from './PhotoDrop';
import type { StagedPhoto } from './use-photo-upload';

interface Values {
  archiveNumber: string;
  kind: FindingKind;
  note: string;
  /** Photos of a new finding, staged as they are chosen (a form field: each opening starts with none). */
  photos: StagedPhoto[];
}

/** Photos chosen for a new finding, shown by name until it is saved with them. */
function ChosenPhotos({ value: photos = [], onChange }: { value?: StagedPhoto[]; onChange?: (photos: StagedPhoto[]) => void }) {
  const update = (next: StagedPhoto[]) => onChange?.(next);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <PhotoDrop testId="finding-photo-drop" onStaged={(added) => update([...photos, ...added])} />
      <Space wrap data-testid="finding-chosen-photos">
        {photos.map((p) => (
          <Tag key={p.stagedFileId} closeIcon={<CloseOutlined />} onClose={() => update(photos.filter((x) => x.stagedFileId !== p.stagedFileId))}>
            {p.name}
          </Tag>
        ))}
      </Space>
    </Space>
  );
}

/**
 * A finding on a dossier: new (with photos) or changed (its photos are managed on the finding).
 * `finding` null with `open`: a new one.
 */
export function FindingDialog({ inspection, finding, open, onClose, onSaved }: { inspection: InspectionView; finding: FindingView | null; open: boolean; onClose: () => void; onSaved: (view: InspectionView) => void }) {
  const { t } = useTranslation();
  const numberField = useFocusWhenShown<InputRef>();
  return (
    <FormDialog<Values>
      open={open}
      title={finding ? t('inspections.editFinding') : t('inspections.addFinding')}
      initialValues={finding ? { archiveNumber: finding.archiveNumber, kind: finding.kind, note: finding.note ?? '' } : { archiveNumber: '', kind: 'faded', note: '', photos: [] }}
      width={560}
      testId="finding-dialog"
      onClose={onClose}
      onSubmit={async (values) => {
        const fields = { archiveNumber: values.archiveNumber.trim(), kind: values.kind, note: values.note.trim() };
        onSaved(finding ? await call('inspection:edit-finding', { findingId: finding.id, ...fields }) : await call('inspection:add-finding', { id: inspection.id, ...fields, stagedFileIds: (values.photos ?? []).map((p) => p.stagedFileId) }));
      }}
    >
      <Form.Item name="archiveNumber" label={t('inspections.archiveNumber')} rules={[{ required: true, whitespace: true }]}>
        <Input ref={numberField} maxLength={64} data-testid="finding-number" />
      </Form.Item>
      <Form.Item name="kind" label={t('inspections.kind')} rules={[{ required: true }]}>
        <Select data-testid="finding-kind" options={findingKinds.map((kind) => ({ value: kind, label: t(`inspections.kinds.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('inspections.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="finding-note" />
      </Form.Item>
      {!finding && (
        <Form.Item name="photos" label={t('inspections.photos')}>
          <ChosenPhotos />
        </Form.Item>
      )}
    </FormDialog>
  );
}
