import type { TypeDefinition } from '../../../../shared/dossier-types';
import type { FieldValues } from '../dossiers/field-values';
import type { SearchPart } from './search-entry';

export interface SearchableDossier {
  archiveNumber: string;
  title: string;
  definition: TypeDefinition | null;
  fields: Readonly<FieldValues>;
  documentTitles: readonly string[];
}

export const TITLE_LABEL = '题名';
export const ARCHIVE_NUMBER_LABEL = '档号';

/**
 * What a dossier is found by: its number and title, the subject fields the type marks for search
 * (names – with their pinyin –, phones, ID numbers, plates, VINs, addresses, other search text),
 * and the titles of its documents. Sensitive fields without a search role (health, family,
 * income …) are never indexed: a search must not tell who has which illness.
 */
export function searchPartsOf(dossier: SearchableDossier): SearchPart[] {
  const parts: SearchPart[] = [
    { value: dossier.archiveNumber, label: ARCHIVE_NUMBER_LABEL },
    { value: dossier.title, label: TITLE_LABEL },
  ];
  for (const field of dossier.definition?.fields ?? []) {
    if (!field.search) continue;
    const value = dossier.fields[field.key];
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : field.search === 'phone' ? String(value).split('，') : [String(value)];
    for (const v of values) parts.push({ value: v, label: field.label, isName: field.search === 'name', sensitive: field.sensitive });
  }
  parts.push(...documentParts(dossier.documentTitles));
  return parts;
}

/** The titles of a dossier's documents as search parts. */
export function documentParts(titles: readonly string[]): SearchPart[] {
  return titles.map((title) => ({ value: title, label: '卷内文件' }));
}
