import { sql } from 'drizzle-orm';
import type { Db } from '../open';
import type { NewDossier } from './dossiers';

/**
 * Many dossiers in one transaction (an import, the bench): prepared statements reused row after
 * row – the query builder's per-call cost would dominate at 200,000 rows. Same tables and
 * meaning as the single-row functions in dossiers.ts and search.ts.
 */
export interface BulkDossierWriter {
  insertDossier(dossier: NewDossier & { importId: number | null }): number;
  /** The last running number given out in a scope (0 if none). */
  lastSequence(scope: string): number;
  /** Records the last running number given out (an import reserves its numbers in one go). */
  setLastSequence(scope: string, value: number): void;
}

export function bulkDossierWriter(db: Db): BulkDossierWriter {
  const sqlite = db.$client;
  // Positional parameters: binding by name costs a lookup per column per row.
  const insert = sqlite.prepare(`INSERT INTO dossiers (archive_number, title, type_id, type_version, fields, classification, retention, carrier, opened_on, remarks,
      missing_items, complete, department_id, level, custodian_id, stored_separately, created_at, created_by, updated_at, import_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const last = sqlite.prepare('SELECT last_value FROM number_sequences WHERE scope = ?').pluck();
  const setLast = sqlite.prepare('INSERT INTO number_sequences (scope, last_value) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET last_value = excluded.last_value');
  return {
    insertDossier: (d) =>
      Number(
        insert.run(
          d.archiveNumber,
          d.title,
          d.typeId ?? null,
          d.typeVersion ?? null,
          d.fields ?? '{}',
          d.classification ?? null,
          d.retention ?? null,
          d.carrier ?? 'paper',
          d.openedOn ?? null,
          d.remarks ?? null,
          d.missingItems ?? '[]',
          d.complete === false ? 0 : 1,
          d.departmentId,
          d.level ?? 1,
          d.custodianId ?? null,
          d.storedSeparately ? 1 : 0,
          d.createdAt,
          d.createdBy ?? null,
          d.createdAt,
          d.importId,
        ).lastInsertRowid,
      ),
    lastSequence: (scope) => (last.get(scope) as number | undefined) ?? 0,
    setLastSequence: (scope, value) => void setLast.run(scope, value),
  };
}

/** Every archive number in use (an import checks its own numbers against them). */
export function allArchiveNumbers(db: Db): Set<string> {
  return new Set(db.all<{ n: string }>(sql`SELECT archive_number AS n FROM dossiers`).map((r) => r.n));
}

export interface BulkDocument {
  dossierId: number;
  checklistItem: string | null;
  title: string;
  docDate: string | null;
  form: 'original' | 'copy';
  pages: number;
  groupKey: string | null;
  position: number;
  level: number;
  createdAt: string;
  createdBy: number;
}

/** Many documents at once (the bench's million); the caller keeps positions and completeness right. */
export function bulkDocumentWriter(db: Db): { insert(document: BulkDocument): void; setCompleteness(dossierId: number, missing: readonly string[]): void } {
  const sqlite = db.$client;
  const insert = sqlite.prepare(`INSERT INTO documents (dossier_id, checklist_item, title, doc_date, form, pages, group_key, position, level, remarks, created_at, created_by, updated_at)
    VALUES (@dossierId, @checklistItem, @title, @docDate, @form, @pages, @groupKey, @position, @level, NULL, @createdAt, @createdBy, @createdAt)`);
  const completeness = sqlite.prepare('UPDATE dossiers SET missing_items = ?, complete = ? WHERE id = ?');
  return {
    insert: (document) => void insert.run(document),
    setCompleteness: (dossierId, missing) => void completeness.run(JSON.stringify(missing), missing.length === 0 ? 1 : 0, dossierId),
  };
}
