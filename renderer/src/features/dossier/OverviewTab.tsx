import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierLabels, statusLabels, type DossierDetail, type FieldValueView } from '../../../../shared/contract';
import { retentionLabel } from '../../../../shared/dossier-types';
import { call, errorText } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { LevelTag } from '../../ui/LevelTag';
import { DestroyedByTag } from '../disposal/DestroyedByTag';
import { ShelfPicker } from '../locations/ShelfPicker';

const valueText = (value: FieldValueView['value']) => (value === null ? '—' : Array.isArray(value) ? value.join('、') : String(value));

/** A sensitive field stays masked until revealed on purpose; each reveal is audited by the core. */
function SensitiveValue({ archiveNumber, field }: { archiveNumber: string; field: FieldValueView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<FieldValueView['value'] | undefined>(undefined);
  if (!field.masked) return <>{valueText(field.value)}</>;
  if (revealed !== undefined) return <span data-testid={`revealed-${field.key}`}>{valueText(revealed)}</span>;
  const reveal = async () => {
    try {
      setRevealed((await call('dossier:reveal-field', { archiveNumber, fieldKey: field.key })).value);
      void message.info(t('catalogue.revealed'));
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };
  return (
    <>
      <span className="masked-value">******</span>{' '}
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal()} data-testid={`reveal-${field.key}`}>
        {t('catalogue.reveal')}
      </Button>
    </>
  );
}

export function OverviewTab({ dossier, editable, onChanged }: { dossier: DossierDetail; editable: boolean; onChanged: (detail: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <>
      <Descriptions column={2} bordered size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('dossier.archiveNumber')}>
          <span className="archive-number">{dossier.archiveNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.type')}>{(english && dossier.type?.nameEn) || (dossier.type?.name ?? '—')}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.title')} span={2}>
          {dossier.title}
        </Descriptions.Item>
        <Descriptions.Item label={t('dossier.level')}>
          <LevelTag rank={dossier.level} /> {dossier.classified && <Tag color="orange">{t('dossier.classified')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={dossier.classificationScheme?.name ?? t('catalogue.classification')}>{dossier.classification ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.completeness')}>
          {dossier.complete ? <Tag color="green">{t('catalogue.complete')}</Tag> : <Tag color="red">{t('catalogue.incomplete', { count: dossier.missingCount })}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.status')}>
          {english ? statusLabels[dossier.status].en : statusLabels[dossier.status].zh}
          {dossier.destructionList && <DestroyedByTag number={dossier.destructionList} />}
          {dossier.holder && (
            <span className="holder-line" data-testid="dossier-holder">
              {t('loans.heldBy', { name: dossier.holder.name, since: formatDateTime(dossier.holder.since), dueOn: dossier.holder.dueOn })}
            </span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.retention')}>{dossier.retention ? retentionLabel(dossier.retention, english ? 'en' : 'zh') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.carrier')}>{english ? carrierLabels[dossier.carrier].en : carrierLabels[dossier.carrier].zh}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.department')}>{`${dossier.department.name}（${dossier.department.code}）`}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.custodian')}>{dossier.custodian ? `${dossier.custodian.displayName}（${dossier.custodian.login}）` : t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.storedSeparately')}>{dossier.storedSeparately ? t('common.yes') : t('common.no')}</Descriptions.Item>
        <Descriptions.Item label={t('locations.whereNow')} span={2}>
          <ShelfPicker dossier={dossier} editable={editable} onChanged={onChanged} />
        </Descriptions.Item>
        <Descriptions.Item label={t('catalogue.openedOn')}>{dossier.openedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('dossier.createdBy')}>{`${dossier.createdBy.displayName}，${formatDateTime(dossier.createdAt)}`}</Descriptions.Item>
        <Descriptions.Item label={t('catalogue.remarks')}>{dossier.remarks ?? '—'}</Descriptions.Item>
      </Descriptions>
      {dossier.fields.length > 0 && (
        <>
          <h4 className="drawer-section">{t('catalogue.fields')}</h4>
          <Descriptions column={2} bordered size="small" styles={{ label: { width: 110 } }} data-testid="dossier-fields">
            {dossier.fields.map((field) => (
              <Descriptions.Item key={field.key} label={english && field.labelEn ? field.labelEn : field.label}>
                <SensitiveValue archiveNumber={dossier.archiveNumber} field={field} />
              </Descriptions.Item>
            ))}
          </Descriptions>
        </>
      )}
    </>
  );
}
