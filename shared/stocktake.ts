/**
 * What one scan of a stocktake (盘点) found:
 * - `found`: the dossier belongs here and is here;
 * - `misplaced`: it is here but belongs elsewhere (or nowhere: not shelved);
 * - `on-loan`: it is here, yet the loan register has it out – the return was never registered;
 * - `unknown`: the archive has no such number, or none the reader may see (the same answer, so the
 *   scan box tells no more about a number than dossier:get does);
 * - `repeat`: this label was scanned before in the same stocktake; counted once only;
 * - `disposed`: the dossier is destroyed or transferred, yet its label is here – its own finding
 *   (destroyed and transferred dossiers are expected nowhere, so they are never missing).
 */
export const stocktakeOutcomes = ['found', 'misplaced', 'on-loan', 'unknown', 'repeat', 'disposed'] as const;
export type StocktakeOutcome = (typeof stocktakeOutcomes)[number];

export const stocktakeOutcomeLabels: Record<StocktakeOutcome | 'missing' | 'away', { zh: string; en: string }> = {
  found: { zh: '在位', en: 'Found' },
  misplaced: { zh: '错架', en: 'Misplaced' },
  'on-loan': { zh: '登记借出但在架', en: 'On the shelf while on loan' },
  unknown: { zh: '无此档号', en: 'Unknown number' },
  repeat: { zh: '重复扫描', en: 'Scanned again' },
  disposed: { zh: '已销毁或已移交但在架', en: 'On the shelf though destroyed or transferred' },
  missing: { zh: '缺失', en: 'Missing' },
  away: { zh: '借出未还', en: 'Out on loan' },
};
