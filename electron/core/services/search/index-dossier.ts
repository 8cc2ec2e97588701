import { sql } from 'drizzle-orm';
import { clearSearchIndex, indexedDossierIds, indexGramsFromText, indexGramsOfDossiers, optimiseSearchIndex, writeSearchEntry, writeSearchText, type SearchEntryRow } from '../../../../db/repositories/search';
import { readMetaValue, writeMetaValue } from '../../../../db/repositories/meta';
import { rewriteCustomerSearchTexts } from '../../../../db/repositories/customers';
import { customerSearchText } from '../customers/customer-match';
import type { Db } from '../../../../db/open';
import type { AuditDraft } from '../../audit/chain';
import type { BackgroundJob } from '../../session';
import { definitionAt } from '../types/type-catalog';
import { parseFieldValues } from '../dossiers/field-values';
import { searchPartsOf, type SearchableDossier } from './dossier-search-parts';
import { searchEntry, searchText, tokensOfText, type SearchEntry } from './search-entry';

/** Raise when what is indexed, or how, changes: archives rebuild their index at the next sign-in. */
export const SEARCH_INDEX_VERSION = '4';
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

/** Indexes the tokens of the search texts with dossier ids in the range (one statement). */
export function indexSearchGrams(db: Db, range: { from: number; to: number }): number {
  return indexGramsFromText(db, range, tokensOfText);
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

/** Whether the archive's index was built by this build's rules. */
export function searchIndexIsCurrent(db: Db): boolean {
  return readMetaValue(db, VERSION_KEY) === SEARCH_INDEX_VERSION;
}

/** Dossiers indexed per step of a rebuild in the background: a step holds the write lock briefly. */
export const DOSSIERS_PER_REBUILD_STEP = 5000;

/**
 * A rebuild of the whole index, in steps of dossier ids, each its own transaction. Begun, the
 * index is empty and the version is marked as rebuilding, so a rebuild cut short (a lock, a crash)
 * starts over at the next sign-in. Dossiers changed meanwhile are indexed by their change and
 * skipped by the steps; the version is written by the last step.
 */
export class SearchIndexRebuild implements BackgroundJob {
  readonly kind = 'search-index';
  done = 0;
  private next: number;

  private constructor(
    readonly total: number,
    private readonly range: { from: number; to: number } | null,
    private readonly perStep: number,
  ) {
    this.next = range?.from ?? 0;
  }

  /**
   * Empties the index and plans the steps (in the caller's transaction). The customers' search
   * texts follow the same rules (normaliseForSearch): they are made again at once – a customer is
   * a small record, and there are far fewer of them than dossiers.
   */
  static begin(db: Db, perStep = DOSSIERS_PER_REBUILD_STEP): SearchIndexRebuild {
    clearSearchIndex(db);
    rewriteCustomerSearchTexts(db, customerSearchText);
    writeMetaValue(db, VERSION_KEY, 'rebuilding');
    const row = db.get<{ lo: number | null; hi: number | null; n: number }>(sql`SELECT min(id) AS lo, max(id) AS hi, count(*) AS n FROM dossiers`);
    return new SearchIndexRebuild(row?.n ?? 0, row && row.lo !== null && row.hi !== null ? { from: row.lo, to: row.hi } : null, perStep);
  }

  get audit(): AuditDraft {
    return { action: 'search:rebuild', summary: { dossiers: this.total } };
  }

  get finished(): boolean {
    return this.range === null || this.next > this.range.to;
  }

  /** Indexes the next `dossiers` ids (in the caller's transaction); the last step writes the version. */
  step(db: Db, dossiers = this.perStep): void {
    if (this.range && !this.finished) {
      const from = this.next;
      const to = Math.min(this.range.to, from + dossiers - 1);
      this.done += indexDossierRange(db, { from, to });
      this.next = to + 1;
    }
    if (this.finished) {
      optimiseSearchIndex(db);
      writeMetaValue(db, VERSION_KEY, SEARCH_INDEX_VERSION);
    }
  }
}

/** Indexes the dossiers with ids in the range that have no entry yet; answers how many there are in the range. */
function indexDossierRange(db: Db, range: { from: number; to: number }): number {
  const titles = new Map<number, string[]>();
  for (const row of db.all<{ dossier_id: number; title: string }>(sql`SELECT dossier_id, title FROM documents WHERE dossier_id BETWEEN ${range.from} AND ${range.to}`)) {
    const list = titles.get(row.dossier_id);
    if (list) list.push(row.title);
    else titles.set(row.dossier_id, [row.title]);
  }
  const already = indexedDossierIds(db, range);
  const sources = db.all<IndexSource>(sql`SELECT ${SOURCE_COLUMNS} FROM dossiers WHERE id BETWEEN ${range.from} AND ${range.to}`);
  const written: number[] = [];
  for (const source of sources) {
    if (already.has(source.id)) continue;
    writeSearchText(db, source.id, textOf(db, source, titles.get(source.id) ?? []));
    written.push(source.id);
  }
  if (written.length === sources.length) indexSearchGrams(db, range);
  else indexGramsOfDossiers(db, written, tokensOfText);
  return sources.length;
}

/** Indexes every dossier from scratch, at once (in the caller's transaction). */
export function rebuildSearchIndex(db: Db): number {
  const rebuild = SearchIndexRebuild.begin(db);
  rebuild.step(db, Number.MAX_SAFE_INTEGER);
  return rebuild.total;
}
