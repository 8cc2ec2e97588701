import { useTranslation } from 'react-i18next';
import type { DossierScans } from '../../../../shared/contract';
import { dossierPageCount } from './scan-groups';

/** "扫描件 (12)": the tab's name with the dossier's scanned pages, once they are known. */
export function ScansTabLabel({ scans }: { scans: DossierScans | undefined }) {
  const { t } = useTranslation();
  return <span data-testid="scans-tab-label">{scans ? `${t('scans.tab')} (${dossierPageCount(scans)})` : t('scans.tab')}</span>;
}
