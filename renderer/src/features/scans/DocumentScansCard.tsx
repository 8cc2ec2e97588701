import { useTranslation } from 'react-i18next';
import type { DocumentScans } from '../../../../shared/contract';
import { LevelTag } from '../../ui/LevelTag';
import { AddScansButton } from './AddScansButton';
import { FileDropZone } from './FileDropZone';
import { ThumbnailStrip } from './ThumbnailStrip';

interface Props {
  document: DocumentScans;
  dossierLevel: number;
  /** False under a checklist item of the same name: the name is not said twice. */
  titled?: boolean;
}

/** A document with its thumbnail strip; files dropped on it are added to its end. */
export function DocumentScansCard({ document, dossierLevel, titled = true }: Props) {
  const { t } = useTranslation();
  const target = { kind: 'document', id: document.documentId } as const;
  return (
    <FileDropZone target={target} className="scan-document">
      <div className="scan-document-head" data-testid={`scan-document-${document.documentId}`}>
        {titled && (
          <span className="scan-document-title" title={document.title}>
            {document.title}
          </span>
        )}
        {document.level !== dossierLevel && <LevelTag rank={document.level} />}
        <span className="muted">{t('scans.pages', { count: document.pages.length })}</span>
        <span className="scan-grow" />
        <AddScansButton target={target} />
      </div>
      <ThumbnailStrip document={document} />
    </FileDropZone>
  );
}
