import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistStatus } from '../../../../shared/contract';
import { evidenceOf } from '../../../../shared/dossier-types';

/** How far a checklist item is fulfilled, as its evidence asks: filed, waiting for its scan (or an original's), or missing. */
export function ChecklistProgress({ status }: { status: ChecklistStatus }) {
  const { t } = useTranslation();
  const evidence = evidenceOf(status.item);
  if (status.satisfied) return <Tag color="green" data-testid={`progress-${status.item.key}`}>{evidence === 'paper' ? status.documents : t('catalogue.present')}</Tag>;
  if (status.documents > 0 && evidence !== 'paper') {
    const waiting = evidence === 'scan' || status.scannedPages === 0 ? 'needsScan' : 'needsOriginal';
    return <Tag color="orange" data-testid={`progress-${status.item.key}`}>{t(`catalogue.${waiting}`)}</Tag>;
  }
  return <Tag data-testid={`progress-${status.item.key}`}>{t('catalogue.missing')}</Tag>;
}

/** The item's evidence in words, for the checklist: paper, a scan, or an original scanned. */
export function EvidenceText({ status }: { status: ChecklistStatus }) {
  const { t } = useTranslation();
  return <>{t(`catalogue.evidence_${evidenceOf(status.item)}`)}</>;
}
