import type { StocktakeOutcome } from '../../../../shared/stocktake';

export interface ScannedDossier {
  locationId: number | null;
  status: 'in-archive' | 'on-loan' | 'transferred' | 'destroyed';
}

/**
 * What one scan found (shared/stocktake.ts says what each outcome means). A label scanned again
 * is a repeat whatever it names; a dossier the loan register has out is a finding wherever it
 * stands, and so is one destroyed or transferred; otherwise it is found when the register has it at the place (or inside it), misplaced
 * when elsewhere or nowhere.
 */
export function classifyScan(dossier: ScannedDossier | null, scannedBefore: boolean, covers: (locationId: number | null) => boolean): StocktakeOutcome {
  if (scannedBefore) return 'repeat';
  if (!dossier) return 'unknown';
  if (dossier.status === 'destroyed' || dossier.status === 'transferred') return 'disposed';
  if (dossier.status === 'on-loan') return 'on-loan';
  return covers(dossier.locationId) ? 'found' : 'misplaced';
}
