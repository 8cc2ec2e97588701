import { sql } from 'drizzle-orm';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { definitionOf } from '../dossiers/dossier-summary';
import { parseFieldValues } from '../dossiers/field-values';
import { documentParts, searchPartsOf, TITLE_LABEL } from './dossier-search-parts';
import type { SearchPart } from './search-entry';
import { normaliseForSearch, searchTerms } from './normalise';
import { namePinyin } from './pinyin';

type Match = { label: string; value: string | null };

/**
 * Why each dossier was found, for the hit list: the first part holding the query (a name also by
 * its pinyin), with its label – 联系电话 138…, 卷内文件 购车发票. A sensitive part (an ID
 * number) is named but not shown. The dossier's own parts first – the title last of them, as the
 * hit list shows it anyway; the documents of the dossiers left are read in one query.
 */
export function describeMatches(db: Db, records: readonly DossierRecord[], query: string): Map<number, Match> {
  const matches = new Map<number, Match>();
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

function titleLast(parts: SearchPart[]): SearchPart[] {
  return [...parts.filter((p) => p.label !== TITLE_LABEL), ...parts.filter((p) => p.label === TITLE_LABEL)];
}


function bestPart(parts: SearchPart[], terms: readonly string[]): { label: string; value: string | null } | null {
  const holds = (text: string, term: string) => text.includes(term);
  const score = (part: (typeof parts)[number]) => {
    const forms = [normaliseForSearch(part.value), ...(part.isName ? namePinyin(part.value) : [])];
    return terms.filter((term) => forms.some((form) => holds(form, term))).length;
  };
  let best: (typeof parts)[number] | null = null;
  let bestScore = 0;
  for (const part of parts) {
    const s = score(part);
    if (s > bestScore) {
      best = part;
      bestScore = s;
      if (s === terms.length) break;
    }
  }
  return best ? { label: best.label, value: best.sensitive ? null : best.value } : null;
}
