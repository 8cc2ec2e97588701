import type { StocktakePlace, StocktakeScanView } from '../../../../shared/contract';
import type { StocktakeOutcome } from '../../../../shared/stocktake';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export const placeWords = (place: StocktakePlace | null, t: Translate): string => (place ? `${place.fullCode} ${place.path}` : t('stocktake.notShelved'));

/** What the clerk is told about a scan, in a sentence. */
export function scanSentence(scan: StocktakeScanView, t: Translate, formatTime: (iso: string) => string): string {
  return t(`stocktake.said.${scan.outcome}`, {
    number: scan.archiveNumber,
    where: placeWords(scan.expected, t),
    holder: scan.holder?.name ?? '',
    due: scan.holder?.dueOn ?? '',
    at: scan.firstScannedAt ? formatTime(scan.firstScannedAt) : '',
  });
}

/** How loudly: found is good news, misplaced and on loan need doing something, unknown is an error. */
export const outcomeTone: Record<StocktakeOutcome, 'success' | 'warning' | 'error' | 'info'> = {
  found: 'success',
  misplaced: 'warning',
  'on-loan': 'warning',
  unknown: 'error',
  repeat: 'info',
  disposed: 'warning',
};

export const outcomeColor: Record<StocktakeOutcome, string> = { found: 'green', misplaced: 'orange', 'on-loan': 'gold', unknown: 'red', repeat: 'default', disposed: 'volcano' };
