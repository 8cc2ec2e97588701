import { Alert, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntakeDossierView, SignatureView } from '../../../../shared/contract';
import { useChannel } from '../../lib/use-channel';
import { LateTag } from './LateTag';

/** One entry in full: per dossier its deadline and checklist, the shortage note, and both signatures as signed. */
export function IntakeDetailPanel({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const detail = useChannel('intake:get', { id });
  if (detail.error) return <Alert type="error" showIcon title={detail.error.text(i18n.language)} />;
  const intake = detail.data;
  if (!intake) return <Spin size="small" />;
  const signature = (label: string, signed: SignatureView, image: string | null) => (
    <Descriptions.Item label={label}>
      <Space>
        <span>{signed.name}</span>
        {image && <img src={image} alt={signed.name} className="intake-signature" style={{ height: 40 }} />}
      </Space>
    </Descriptions.Item>
  );
  return (
    <Space orientation="vertical" size={8} className="full-width" data-testid="intake-detail">
      {intake.dossiers.map((dossier) => (
        <DossierLine key={dossier.archiveNumber} dossier={dossier} />
      ))}
      <Descriptions size="small" column={2}>
        {intake.shortageNote && <Descriptions.Item label={t('intake.shortageNote')}>{intake.shortageNote}</Descriptions.Item>}
        {signature(t('intake.handedBySignature'), intake.handedBySignature, intake.drawnSignatures.handedBy)}
        {signature(t('intake.receiverSignature'), intake.receiverSignature, intake.drawnSignatures.receiver)}
      </Descriptions>
    </Space>
  );
}

function DossierLine({ dossier }: { dossier: IntakeDossierView }) {
  const { t } = useTranslation();
  return (
    <div>
      <Space size={8} wrap>
        <Typography.Text strong>{dossier.archiveNumber}</Typography.Text>
        <span>{dossier.title}</span>
        {dossier.openedHere && <Tag color="blue">{t('intake.openedHere')}</Tag>}
        {dossier.triggerDate && <Typography.Text type="secondary">{t('intake.triggeredOn', { day: dossier.triggerDate })}</Typography.Text>}
        {dossier.deadline && <Typography.Text type="secondary">{t('intake.dueOn', { day: dossier.deadline })}</Typography.Text>}
        <LateTag workdaysLate={dossier.workdaysLate} />
      </Space>
      <div className="intake-items">
        {dossier.items.map((item) => (
          <Tag key={item.key} color={item.status === 'missing' ? 'red' : 'green'}>
            {item.status === 'missing' ? t('intake.itemMissing') : t('intake.itemPresent')} · {item.name}
          </Tag>
        ))}
      </div>
    </div>
  );
}
