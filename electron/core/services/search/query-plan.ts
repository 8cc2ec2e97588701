import { tokenDocumentCount, type RankedTerm, type TermLookup } from '../../../../db/repositories/search';
import type { Db } from '../../../../db/open';
import { characters, searchTerms } from './normalise';
import { isIndexedGram, NAME_START_LENGTH } from './search-entry';
import { rankOfText } from './search-rank';
import { UntilArchiveChanges, type CacheView } from '../archive-cache';

/** How many of a long term's rarest tokens a lookup ANDs; the text confirms the rest. */
const TOKENS_PER_LOOKUP = 3;

interface PlannedTerm {
  lookup: TermLookup;
  /** Dossiers the lookup can return at most: the smallest count among its tokens. */
  estimate: number;
}

/** The index tokens a term of three or more characters contains: pairs and runs of three (see isIndexedGram). */
function tokensOf(chars: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    for (const gram of [chars.slice(i, i + 2), chars.slice(i, i + 3)]) if (isIndexedGram(gram)) tokens.add(gram.join(''));
  }
  return [...tokens];
}

/**
 * In how many dossiers each token occurs. FTS5 answers that by reading the token's whole list –
 * milliseconds for one in most dossiers (档案, 记录) – so counts are kept until the archive changes.
 */
const tokenCounts = new UntilArchiveChanges<number>(4096);

function tokenCount(db: Db, kept: CacheView<number>, token: string): number {
  let count = kept.get(token);
  if (count === undefined) {
    count = tokenDocumentCount(db, token);
    kept.set(token, count);
  }
  return count;
}

/** A term with no token of its own (a lone digit, two digits) is read from the entries, newest first. */
const unindexed = (term: string): PlannedTerm => ({ lookup: { tokens: [], term, exact: false }, estimate: Number.MAX_SAFE_INTEGER });

/**
 * `alone`: the query's only term. A term that is one token then needs no count: nothing is
 * chosen between terms, and counting the dossiers of a very common token (档案) reads its whole
 * list – the lookup itself stops at a page.
 */
function planTerm(db: Db, kept: CacheView<number>, term: string, alone: boolean): PlannedTerm {
  const chars = characters(term);
  if (chars.length <= 2 || (chars.length === 3 && isIndexedGram(chars))) {
    if (!isIndexedGram(chars)) return unindexed(term);
    return { lookup: { tokens: [term], term, exact: true }, estimate: alone ? Number.MAX_SAFE_INTEGER : tokenCount(db, kept, term) };
  }
  const tokens = tokensOf(chars);
  if (tokens.length === 0) return unindexed(term);
  const counted = tokens
    .map((token) => ({ token, count: tokenCount(db, kept, token) }))
    .sort((a, b) => a.count - b.count);
  return {
    lookup: { tokens: counted.slice(0, TOKENS_PER_LOOKUP).map((c) => c.token), term, exact: false },
    estimate: counted[0]?.count ?? 0,
  };
}

/** A term as the ranked search looks it up: the names column holds every character and pair of a name. */
function rankedTerm(term: string, lookup: TermLookup): RankedTerm {
  const chars = characters(term);
  const oneToken = chars.length <= 2 || (chars.length === 3 && isIndexedGram(chars));
  return {
    term,
    start: chars.slice(0, NAME_START_LENGTH).join(''),
    short: chars.length <= NAME_START_LENGTH,
    nameTokens: oneToken ? [term] : lookup.tokens.length > 0 ? lookup.tokens : tokensOf(chars),
    lookup,
  };
}

export interface LookupPlan {
  kind: 'lookup';
  /** The rarest term's lookup, which finds the hits (for counting and the other sort orders). */
  driver: TermLookup;
  all: TermLookup[];
  /** The terms as the ranked search (newest first within a rank) looks them up. */
  ranked: RankedTerm[];
  /** A candidate's rank from its search text. */
  rankOf: (text: string) => number;
}

export type SearchPlan = { kind: 'none' } | { kind: 'empty' } | LookupPlan;

/**
 * How a query is answered: each term (any length – 张, 张三, zs, 沪a, 1381234, 😀) becomes an index
 * lookup of its rarest tokens; the rarest term drives, the others confirm. A term no dossier
 * holds answers at once: empty – and so does a query of punctuation alone, which nothing is
 * searched by (listing every dossier would answer another question).
 */
export function planSearch(db: Db, query: string | undefined): SearchPlan {
  if (!query) return { kind: 'none' };
  const terms = searchTerms(query);
  if (terms.length === 0) return { kind: 'empty' };
  const kept = tokenCounts.current(db);
  const planned = terms.map((term) => planTerm(db, kept, term, terms.length === 1));
  if (planned.some((p) => p.estimate === 0)) return { kind: 'empty' };
  const driver = planned.reduce((best, p) => (p.estimate < best.estimate ? p : best));
  return {
    kind: 'lookup',
    driver: driver.lookup,
    all: planned.map((p) => p.lookup),
    ranked: planned.map((p) => rankedTerm(p.lookup.term, p.lookup)),
    rankOf: (text) => rankOfText(text, terms),
  };
}
