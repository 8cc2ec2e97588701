import { sql } from 'drizzle-orm';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { SearchMatch } from '../../../../shared/contract';
import { definitionOf } from '../dossiers/dossier-summary';
import { parseFieldValues } from '../dossiers/field-values';
import { documentParts, searchPartsOf, TITLE_LABEL } from './dossier-search-parts';
import type { SearchPart } from './search-entry';
import { joinStretches, matchWindow, normalisedOrigins, valueWidth, type Stretch } from './match-window';
import { normaliseForSearch, searchTerms } from './normalise';
import { namePinyin, nameSyllables } from './pinyin';
import { betterRank, partRank, UNRANKED } from './search-rank';

/**
 * Why each dossier was found, for the hit list: the part that gave it its rank (search-rank.ts;
 * a name also by its pinyin), with its label and the matched stretches highlighted – 联系电话
 * 138…, 卷内文件 购车发票. A sensitive part (an ID number) is named but not shown. Among parts of
 * one rank, the one holding most terms, the dossier's own parts first – the title last of them,
 * as the hit list shows it anyway; the documents of the dossiers left are read in one query.
 */
export function describeMatches(db: Db, records: readonly DossierRecord[], query: string): Map<number, SearchMatch> {
  const matches = new Map<number, SearchMatch>();
  const terms = searchTerms(query);
  if (terms.length === 0) return matches;
  const pending: DossierRecord[] = [];
  for (const record of records) {
    const ownParts = searchPartsOf({ archiveNumber: record.archiveNumber, title: record.title, definition: definitionOf(db, record), fields: parseFieldValues(record.fields), documentTitles: [] });
    const own = bestPart(titleLast(ownParts), terms);
    if (own) matches.set(record.id, own);
    else pending.push(record);
  }
  // None of their own parts holds a term: only a document title can.
  const titles = documentTitles(db, pending.map((r) => r.id));
  for (const record of pending) {
    const found = bestPart(documentParts(titles.get(record.id) ?? []), terms);
    if (found) matches.set(record.id, found);
  }
  return matches;
}

function documentTitles(db: Db, dossierIds: readonly number[]): Map<number, string[]> {
  const titles = new Map<number, string[]>();
  if (dossierIds.length === 0) return titles;
  const rows = db.all<{ dossier_id: number; title: string }>(sql`SELECT dossier_id, title FROM documents WHERE dossier_id IN (${sql.join(dossierIds.map((id) => sql`${id}`), sql`, `)})`);
  for (const row of rows) {
    const list = titles.get(row.dossier_id);
    if (list) list.push(row.title);
    else titles.set(row.dossier_id, [row.title]);
  }
  return titles;
}

function titleLast(parts: readonly SearchPart[]): SearchPart[] {
  return [...parts.filter((p) => p.label !== TITLE_LABEL), ...parts.filter((p) => p.label === TITLE_LABEL)];
}


/** How well a part matches: its best rank for any term (UNRANKED: none), and how many terms it holds. */
function scoreOf(part: SearchPart, terms: readonly string[]): { rank: number; found: number } {
  const value = normaliseForSearch(part.value);
  const readings = part.kind === 'name' ? namePinyin(part.value) : [];
  let rank = UNRANKED;
  let found = 0;
  for (const term of terms) {
    let termRank = partRank(part.kind, value, term);
    for (const reading of readings) termRank = betterRank(termRank, partRank('reading', reading, term));
    if (termRank !== UNRANKED) found += 1;
    rank = betterRank(rank, termRank);
  }
  return { rank, found };
}

function bestPart(parts: readonly SearchPart[], terms: readonly string[]): SearchMatch | null {
  let best: SearchPart | null = null;
  let bestScore = { rank: UNRANKED, found: 0 };
  for (const part of parts) {
    const score = scoreOf(part, terms);
    if (score.rank === UNRANKED) continue;
    if (!best || score.rank < bestScore.rank || (score.rank === bestScore.rank && score.found > bestScore.found)) {
      best = part;
      bestScore = score;
    }
  }
  if (!best) return null;
  if (best.sensitive) return { label: best.label, value: null, highlights: [], cutBefore: false, cutAfter: false };
  const { stretches, pinyin } = highlightsOf(best, terms);
  return { label: best.label, ...matchWindow(best.value, stretches, valueWidth(best.label)), ...(pinyin.length > 0 ? { pinyin: pinyin.join(' ') } : {}) };
}

/**
 * The stretches of a part's value its terms match: where the normalised term stands in the
 * normalised value, mapped back to the value; for a name matched by its pinyin, the characters
 * whose syllables (or initials) the term covers – and the readings so matched.
 */
function highlightsOf(part: SearchPart, terms: readonly string[]): { stretches: Stretch[]; pinyin: string[] } {
  const origins = normalisedOrigins(part.value);
  const stretches: Stretch[] = [];
  const pinyin: string[] = [];
  for (const term of terms) {
    let at = origins ? origins.normalised.indexOf(term) : -1;
    if (origins && at >= 0) {
      for (; at >= 0; at = origins.normalised.indexOf(term, at + term.length)) stretches.push({ start: origins.from[at] ?? 0, end: origins.to[at + term.length - 1] ?? 0 });
      continue;
    }
    if (part.kind !== 'name' || !namePinyin(part.value).some((reading) => reading.includes(term))) continue;
    pinyin.push(term);
    stretches.push(...readingStretches(part.value, term));
  }
  return { stretches: joinStretches(stretches), pinyin };
}

/** The characters of a name whose syllables, or initials, a pinyin term covers (none when they cannot be lined up). */
function readingStretches(name: string, term: string): Stretch[] {
  const syllables = nameSyllables(name);
  if (!syllables) return [];
  const spans: { start: number; end: number; syllable: string }[] = [];
  let offset = 0;
  for (const [i, char] of Array.from(name).entries()) {
    spans.push({ start: offset, end: offset + char.length, syllable: syllables[i] ?? '' });
    offset += char.length;
  }
  const read = spans.filter((s) => s.syllable.length > 0);
  const covered = (chars: typeof read) => chars.map(({ start, end }) => ({ start, end }));
  const initials = read.map((s) => s.syllable.charAt(0)).join('');
  const atInitials = initials.indexOf(term);
  if (atInitials >= 0) return covered(read.slice(atInitials, atInitials + term.length));
  const full = read.map((s) => s.syllable).join('');
  const at = full.indexOf(term);
  if (at < 0) return [];
  let position = 0;
  const hit: typeof read = [];
  for (const span of read) {
    const next = position + span.syllable.length;
    if (next > at && position < at + term.length) hit.push(span);
    position = next;
  }
  return covered(hit);
}
