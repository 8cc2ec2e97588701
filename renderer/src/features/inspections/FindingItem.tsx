import { DeleteOutlined, EditOutlined, ToolOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingView, InspectionView, RepairView } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { LevelTag } from '../../ui/LevelTag';
import { PhotoDrop } from './PhotoDrop';
import { PhotoThumbnail } from './PhotoThumbnail';

interface Props {
  finding: FindingView;
  /** The inspection is open and the user keeps the register: the finding may be changed. */
  editable: boolean;
  /** Finished, and the user keeps the register: repairs may be ordered and recorded. */
  repairable: boolean;
  onChanged: (view: InspectionView) => void;
  onEdit: () => void;
  onOrder: () => void;
  onOutcome: (repair: RepairView) => void;
}

function RepairLine({ repair, repairable, onOutcome }: { repair: RepairView; repairable: boolean; onOutcome: () => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="finding-repair">
      <Tag color={repair.outcome ? 'green' : 'orange'}>{repair.outcome ? t(`inspections.outcomes.${repair.outcome.outcome}`) : t('inspections.repairOpen', { id: repair.id })}</Tag>
      <Typography.Text type="secondary">{`${repair.instructions} · ${repair.orderedBy} ${formatDateTime(repair.orderedAt)}`}</Typography.Text>
      {repair.outcome && <Typography.Text>{t('inspections.repairDone', { on: repair.outcome.repairedOn, by: repair.outcome.repairedBy })}{repair.outcome.note ? `：${repair.outcome.note}` : ''}</Typography.Text>}
      {!repair.outcome && repairable && (
        <Button size="small" type="primary" onClick={onOutcome} data-testid="record-outcome">
          {t('inspections.recordOutcome')}
        </Button>
      )}
    </Space>
  );
}

/** One finding: the dossier (or only its number, beyond the reader's clearance), what was found, its photos and its repair. */
export function FindingItem({ finding, editable, repairable, onChanged, onEdit, onOrder, onOutcome }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { attempt } = useAttempt();
  const remove = () => {
    void modal.confirm({
      title: t('inspections.removeFindingConfirm', { number: finding.archiveNumber }),
      okText: t('inspections.removeFinding'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => attempt(async () => onChanged(await call('inspection:remove-finding', { findingId: finding.id }))),
    });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`finding-${finding.archiveNumber}`}>
      <Space wrap>
        <Typography.Text strong className="nowrap">
          {finding.archiveNumber}
        </Typography.Text>
        {finding.level !== null && <LevelTag rank={finding.level} />}
        {finding.hidden ? <Typography.Text type="secondary">{t('inspections.hiddenDossier')}</Typography.Text> : <Typography.Text>{finding.title}</Typography.Text>}
        <Tag color="volcano">{t(`inspections.kinds.${finding.kind}`)}</Tag>
        {finding.note && <Typography.Text type="secondary">{finding.note}</Typography.Text>}
        {editable && !finding.hidden && (
          <>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="edit-finding" aria-label={t('inspections.editFinding')} />
            <Button size="small" danger icon={<DeleteOutlined />} onClick={remove} data-testid="remove-finding" aria-label={t('inspections.removeFinding')} />
          </>
        )}
      </Space>
      {(finding.photos.length > 0 || (editable && !finding.hidden)) && (
        <Space wrap align="center" data-testid="finding-photos">
          {finding.photos.map((photo) => (
            <PhotoThumbnail key={photo.id} photo={photo} {...(editable ? { onRemove: () => void attempt(async () => onChanged(await call('inspection:remove-photo', { photoId: photo.id }))) } : {})} />
          ))}
          {editable && !finding.hidden && <PhotoDrop testId="add-photo" onStaged={async (photos) => onChanged(await call('inspection:add-photos', { findingId: finding.id, stagedFileIds: photos.map((p) => p.stagedFileId) }))} />}
        </Space>
      )}
      {finding.repair ? (
        <RepairLine repair={finding.repair} repairable={repairable && !finding.hidden} onOutcome={() => finding.repair && onOutcome(finding.repair)} />
      ) : (
        repairable &&
        !finding.hidden && (
          <Button size="small" icon={<ToolOutlined />} onClick={onOrder} data-testid="order-repair">
            {t('inspections.orderRepair')}
          </Button>
        )
      )}
    </Space>
  );
}
