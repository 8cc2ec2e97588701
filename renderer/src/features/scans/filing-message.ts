import type { TFunction } from 'i18next';
import type { ScanFiling } from '../../../../shared/contract';
import { filingCounts } from './filing-outcome';

/** "Filed 3 files, 4 pages: Green card (+3 pages), …; 1 file had been stored before." */
export function filingMessage(t: TFunction, filing: ScanFiling, english: boolean): string {
  const counts = filingCounts(filing);
  const documents = filing.documents.map((d) => t(d.created ? 'scans.filedNewDocument' : 'scans.filedDocument', { title: d.title, count: d.pagesAdded })).join(english ? ', ' : '、');
  const filed = t('scans.filed', { files: counts.files, pages: counts.pages, documents });
  return counts.duplicates > 0 ? `${filed}${t('scans.filedDuplicates', { count: counts.duplicates })}` : filed;
}
