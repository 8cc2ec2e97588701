import { sql } from 'drizzle-orm';
import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import { definitionOf } from '../dossiers/dossier-summary';
import { parseFieldValues } from '../dossiers/field-values';
import { searchPartsOf, TITLE_LABEL } from './dossier-search-parts';
import type { SearchPart } from './search-entry';
import { normaliseForSearch, searchTerms } from './normalise';
import { namePinyin } from './pinyin';

/**
 * Why a dossier was found, for the hit list: the first part holding the query (a name also by
 * its pinyin), with its label – 联系电话 138…, 卷内文件 购车发票. A sensitive part (an ID
 * number) is named but not shown.
 */
export function describeMatch(db: Db, record: DossierRecord, query: string): { label: string; value: string | null } | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const dossier = { archiveNumber: record.archiveNumber, title: record.title, definition: definitionOf(db, record), fields: parseFieldValues(record.fields), documentTitles: [] };
  // The dossier's own parts first – the title last of them, as the hit list shows it anyway; the
  // documents are read only when none of those holds the query.
  return bestPart(titleLast(searchPartsOf(dossier)), terms) ?? bestPart(searchPartsOf({ ...dossier, documentTitles: documentTitles(db, record.id) }), terms);
}

function titleLast(parts: SearchPart[]): SearchPart[] {
  return [...parts.filter((p) => p.label !== TITLE_LABEL), ...parts.filter((p) => p.label === TITLE_LABEL)];
}

function documentTitles(db: Db, dossierId: number): string[] {
  return db.all<{ title: string }>(sql`SELECT title FROM documents WHERE dossier_id = ${dossierId}`).map((r) => r.title);
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
