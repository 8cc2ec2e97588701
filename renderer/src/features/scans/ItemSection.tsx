import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { evidenceOf } from '../../../../shared/dossier-types';
import { EvidenceText } from '../dossier/ChecklistProgress';
import { AddScansButton } from './AddScansButton';
import { DocumentScansCard } from './DocumentScansCard';
import { FileDropZone } from './FileDropZone';
import type { ItemScans } from './scan-groups';
import { useScanDesk } from './scan-desk';

/** A checklist item: its documents with their strips, or – none yet – an empty place to drop the scans. */
export function ItemSection({ item, dossierLevel }: { item: ItemScans; dossierLevel: number }) {
  const { t, i18n } = useTranslation();
  const desk = useScanDesk();
  const { status, documents } = item;
  const target = { kind: 'item', key: status.item.key } as const;
  const name = i18n.language === 'en' && status.item.nameEn ? status.item.nameEn : status.item.name;
  const pages = documents.reduce((sum, d) => sum + d.pages.length, 0);
  return (
    <FileDropZone target={target} className="scan-item">
      <div className="scan-item-head" data-testid={`scan-item-${status.item.key}`}>
        <span className="scan-item-name" title={name}>
          {name}
        </span>
        {status.satisfied ? <Tag color="green">{t('scans.present')}</Tag> : status.item.requirement === 'required' ? <Tag color="red">{t('scans.missing')}</Tag> : null}
        {evidenceOf(status.item) !== 'paper' && (
          <Tag data-testid={`scan-item-evidence-${status.item.key}`}>
            <EvidenceText status={status} />
          </Tag>
        )}
        <span className="muted">{t('scans.pages', { count: pages })}</span>
        <span className="scan-grow" />
        {documents.length === 0 && <AddScansButton target={target} />}
      </div>
      {documents.length === 0 ? (
        <div className="scan-empty-target muted">{desk.editable ? t('scans.emptyItemEditable') : t('scans.emptyItem')}</div>
      ) : (
        documents.map((document) => <DocumentScansCard key={document.documentId} document={document} dossierLevel={dossierLevel} titled={document.title !== status.item.name} />)
      )}
    </FileDropZone>
  );
}
