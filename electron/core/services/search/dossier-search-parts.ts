import { splitPhones } from '../../../../shared/phones';
import type { SearchRole, TypeDefinition } from '../../../../shared/dossier-types';
import type { FieldValues } from '../dossiers/field-values';
import type { PartKind, SearchPart } from './search-entry';

export interface SearchableDossier {
  archiveNumber: string;
  title: string;
  definition: TypeDefinition | null;
  fields: Readonly<FieldValues>;
  documentTitles: readonly string[];
}

export const TITLE_LABEL = '题名';
export const ARCHIVE_NUMBER_LABEL = '档号';

/** Values a clerk types whole – a name, a plate, a phone, a VIN, an ID number – rank first when typed whole. */
const KIND_OF_ROLE: Record<SearchRole, PartKind> = { name: 'name', phone: 'key', 'id-number': 'key', plate: 'key', vin: 'key', address: 'field', text: 'field' };

/**
 * What a dossier is found by: its number and title, the subject fields the type marks for search
 * (names – with their pinyin –, phones, ID numbers, plates, VINs, addresses, other search text),
 * and the titles of its documents. Sensitive fields without a search role (health, family,
 * income …) are never indexed: a search must not tell who has which illness.
 */
export function searchPartsOf(dossier: SearchableDossier): SearchPart[] {
  const parts: SearchPart[] = [
    { value: dossier.archiveNumber, label: ARCHIVE_NUMBER_LABEL, kind: 'number' },
    { value: dossier.title, label: TITLE_LABEL, kind: 'field' },
  ];
  for (const field of dossier.definition?.fields ?? []) {
    if (!field.search) continue;
    const value = dossier.fields[field.key];
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : field.search === 'phone' ? splitPhones(String(value)) : [String(value)];
    for (const v of values) parts.push({ value: v, label: field.label, kind: KIND_OF_ROLE[field.search], sensitive: field.sensitive });
  }
  parts.push(...documentParts(dossier.documentTitles));
  return parts;
}

/** The titles of a dossier's documents as search parts. */
export function documentParts(titles: readonly string[]): SearchPart[] {
  return titles.map((title) => ({ value: title, label: '卷内文件', kind: 'document' }));
}
