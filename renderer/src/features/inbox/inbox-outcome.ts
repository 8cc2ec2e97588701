import type { TFunction } from 'i18next';
import type { InboxFiling } from '../../../../shared/contract';
import { filingMessage } from '../scans/filing-message';

/** What a filing from the inbox did, as lines: each filing as the scans tab words it, then what was filed before, sheets used, files another program took, files left. */
export function inboxOutcomeLines(t: TFunction, outcome: InboxFiling, english: boolean): { done: string[]; left: string[] } {
  const done = [
    ...outcome.filings.map((filing) => `${filing.archiveNumber}：${filingMessage(t, filing, english)}`),
    ...(outcome.alreadyFiled.length > 0 ? [t('inbox.alreadyFiled', { count: outcome.alreadyFiled.length })] : []),
    ...(outcome.sheets.length > 0 ? [t('inbox.sheetsUsed', { count: outcome.sheets.length })] : []),
    ...(outcome.taken.length > 0 ? [t('inbox.taken', { count: outcome.taken.length })] : []),
  ];
  const left = outcome.left.map((l) => t('inbox.left', { name: l.name, reason: english ? l.reason.en : l.reason.zh }));
  return { done, left };
}
