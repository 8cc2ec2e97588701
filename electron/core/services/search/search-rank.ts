import { SEARCH_RANKS } from '../../../../db/repositories/search';
import { readMarkedPart, type MarkedKind } from './search-entry';

/** No rank: the part (or the dossier) does not hold the term. */
export const UNRANKED = 0;

/**
 * The rank a term gives one normalised part (see SEARCH_RANKS): a name or a key value typed
 * whole, a reading typed whole, the beginning of a name or reading, a name holding it, any other
 * part holding it, a document title holding it.
 */
export function partRank(kind: MarkedKind, value: string, term: string): number {
  switch (kind) {
    case 'name':
    case 'reading':
      if (value === term) return kind === 'name' ? SEARCH_RANKS.exactValue : SEARCH_RANKS.reading;
      if (value.startsWith(term)) return SEARCH_RANKS.namePrefix;
      return value.includes(term) ? SEARCH_RANKS.nameContains : UNRANKED;
    case 'key':
      if (value === term) return SEARCH_RANKS.exactValue;
      return value.includes(term) ? SEARCH_RANKS.fieldContains : UNRANKED;
    case 'document':
      return value.includes(term) ? SEARCH_RANKS.documentTitle : UNRANKED;
    default:
      return value.includes(term) ? SEARCH_RANKS.fieldContains : UNRANKED;
  }
}

/** The better of two ranks, UNRANKED counting as none. */
export const betterRank = (a: number, b: number) => (a === UNRANKED ? b : b === UNRANKED ? a : Math.min(a, b));

/**
 * A dossier's rank for a query, from its search text: each term's best part, and the best of
 * the terms; UNRANKED unless every term is found. Called by SQLite for each candidate the index
 * cannot rank by itself.
 */
export function rankOfText(text: string, terms: readonly string[]): number {
  const best = terms.map(() => UNRANKED);
  for (const piece of text.split(' ')) {
    const part = readMarkedPart(piece);
    if (!part) continue;
    for (let i = 0; i < terms.length; i += 1) best[i] = betterRank(best[i] ?? UNRANKED, partRank(part.kind, part.value, terms[i] ?? ''));
  }
  return best.includes(UNRANKED) ? UNRANKED : Math.min(...best);
}
