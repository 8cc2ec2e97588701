import { sql } from 'drizzle-orm';
import { clearSearchIndex, indexGramsFromText, optimiseSearchIndex, searchTextIdRange, writeSearchEntry, writeSearchText, type SearchEntryRow } from '../../../../db/repositories/search';
import { readMetaValue, writeMetaValue } from '../../../../db/repositories/meta';
import type { Db } from '../../../../db/open';
import { definitionAt } from '../types/type-catalog';
import { parseFieldValues } from '../dossiers/field-values';
import { searchPartsOf, type SearchableDossier } from './dossier-search-parts';
import { gramsOfText, searchEntry, searchText, type SearchEntry } from './search-entry';

/** Raise when what is indexed, or how, changes: archives rebuild their index at the next sign-in. */
export const SEARCH_INDEX_VERSION = '2';
const VERSION_KEY = 'search_index_version';

interface IndexSource {
  id: number;
  archive_number: string;
  title: string;
  type_id: number | null;
  type_version: number | null;
  fields: string;
}

function documentTitles(db: Db, dossierId: number): string[] {
  return db.all<{ title: string }>(sql`SELECT title FROM documents WHERE dossier_id = ${dossierId}`).map((r) => r.title);
}

/** A dossier's search entry, from what it is found by. */
export function dossierSearchEntry(dossier: SearchableDossier): SearchEntry {
  return searchEntry(searchPartsOf(dossier));
}

/** The text alone, for writing many entries whose grams are indexed afterwards (indexSearchGrams). */
export function dossierSearchText(dossier: SearchableDossier): string {
  return searchText(searchPartsOf(dossier));
}

/** Indexes the grams of the search texts with dossier ids in the range (one statement). */
export function indexSearchGrams(db: Db, range: { from: number; to: number }): number {
  return indexGramsFromText(db, range, gramsOfText);
}

function searchableOf(db: Db, source: IndexSource, titles: readonly string[]): SearchableDossier {
  const definition = source.type_id !== null && source.type_version !== null ? definitionAt(db, source.type_id, source.type_version) : null;
  return { archiveNumber: source.archive_number, title: source.title, definition, fields: parseFieldValues(source.fields), documentTitles: titles };
}

function entryOf(db: Db, source: IndexSource, titles: readonly string[]): SearchEntryRow {
  return { dossierId: source.id, ...dossierSearchEntry(searchableOf(db, source, titles)) };
}

function textOf(db: Db, source: IndexSource, titles: readonly string[]): string {
  return dossierSearchText(searchableOf(db, source, titles));
}

const SOURCE_COLUMNS = sql`id, archive_number, title, type_id, type_version, fields`;

/** Brings one dossier's search entry up to date; call in the transaction that changed it. */
export function reindexDossier(db: Db, dossierId: number): void {
  const source = db.get<IndexSource>(sql`SELECT ${SOURCE_COLUMNS} FROM dossiers WHERE id = ${dossierId}`);
  if (source) writeSearchEntry(db, entryOf(db, source, documentTitles(db, dossierId)));
}

/** Indexes every dossier from scratch. */
export function rebuildSearchIndex(db: Db): number {
  clearSearchIndex(db);
  const titles = new Map<number, string[]>();
  for (const row of db.all<{ dossier_id: number; title: string }>(sql`SELECT dossier_id, title FROM documents`)) {
    const list = titles.get(row.dossier_id);
    if (list) list.push(row.title);
    else titles.set(row.dossier_id, [row.title]);
  }
  const sources = db.all<IndexSource>(sql`SELECT ${SOURCE_COLUMNS} FROM dossiers`);
  for (const source of sources) writeSearchText(db, source.id, textOf(db, source, titles.get(source.id) ?? []));
  const range = searchTextIdRange(db);
  if (range) indexSearchGrams(db, range);
  optimiseSearchIndex(db);
  writeMetaValue(db, VERSION_KEY, SEARCH_INDEX_VERSION);
  return sources.length;
}

/** At sign-in: an archive whose index is missing or from another build is reindexed (returns how many). */
export function ensureSearchIndex(db: Db): number | null {
  if (readMetaValue(db, VERSION_KEY) === SEARCH_INDEX_VERSION) return null;
  return rebuildSearchIndex(db);
}
