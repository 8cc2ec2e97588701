import { termDocumentCount, type TermLookup } from '../../../../db/repositories/search';
import type { Db } from '../../../../db/open';
import { characters, searchTerms } from './normalise';

/** How many of a long term's rarest trigrams a lookup ANDs; the text confirms the rest. */
const TRIGRAMS_PER_LOOKUP = 3;

interface PlannedTerm {
  lookup: TermLookup;
  /** Dossiers the lookup can return at most: the smallest count among its tokens. */
  estimate: number;
}

function planTerm(db: Db, term: string): PlannedTerm {
  const chars = characters(term);
  if (chars.length <= 2) return { lookup: { index: 'grams', tokens: [term], term }, estimate: termDocumentCount(db, 'grams', term) };
  const trigrams = [...new Set(chars.slice(0, -2).map((c, i) => c + (chars[i + 1] ?? '') + (chars[i + 2] ?? '')))];
  const counted = trigrams.map((trigram) => ({ trigram, count: termDocumentCount(db, 'trigrams', trigram) })).sort((a, b) => a.count - b.count);
  return {
    lookup: { index: 'trigrams', tokens: counted.slice(0, TRIGRAMS_PER_LOOKUP).map((c) => c.trigram), term },
    estimate: counted[0]?.count ?? 0,
  };
}

export type SearchPlan = { kind: 'none' } | { kind: 'empty' } | { kind: 'lookup'; driver: TermLookup; all: TermLookup[] };

/**
 * How a query is answered: each term (any length – 张, 张三, zs, 沪a, 1381234) becomes an index
 * lookup; the rarest drives, the others confirm. A term no dossier holds answers at once: empty.
 */
export function planSearch(db: Db, query: string | undefined): SearchPlan {
  const terms = query ? searchTerms(query) : [];
  if (terms.length === 0) return { kind: 'none' };
  const planned = terms.map((term) => planTerm(db, term));
  if (planned.some((p) => p.estimate === 0)) return { kind: 'empty' };
  const driver = planned.reduce((best, p) => (p.estimate < best.estimate ? p : best));
  return { kind: 'lookup', driver: driver.lookup, all: planned.map((p) => p.lookup) };
}
