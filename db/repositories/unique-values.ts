import { sql } from 'drizzle-orm';
import type { Db } from '../open';
import { perConnection } from '../per-connection';

/** A unique field's value as one dossier holds it. */
export interface UniqueValue {
  fieldKey: string;
  value: string;
}

const remove = perConnection((db) => db.$client.prepare<[number]>('DELETE FROM dossier_unique_values WHERE dossier_id = ?'));
const insert = perConnection((db) => db.$client.prepare<[number, string, string, number]>('INSERT OR IGNORE INTO dossier_unique_values (type_id, field_key, value, dossier_id) VALUES (?, ?, ?, ?)'));
const holders = perConnection((db) =>
  db.$client.prepare<[number, string, string, number]>('SELECT dossier_id FROM dossier_unique_values WHERE type_id = ? AND field_key = ? AND value = ? AND dossier_id <> ? ORDER BY dossier_id LIMIT 1').pluck(),
);

/** Replaces what a dossier holds (inside the transaction that writes the dossier). */
export function setUniqueValues(db: Db, dossierId: number, typeId: number, values: readonly UniqueValue[]): void {
  remove(db).run(dossierId);
  for (const { fieldKey, value } of values) insert(db).run(typeId, fieldKey, value, dossierId);
}

/** Adds one dossier's values (an import's new rows, each written once). */
export function addUniqueValues(db: Db, dossierId: number, typeId: number, values: readonly UniqueValue[]): void {
  for (const { fieldKey, value } of values) insert(db).run(typeId, fieldKey, value, dossierId);
}

/** The id of another dossier of the type that holds this value, or null. */
export function uniqueValueHolder(db: Db, typeId: number, fieldKey: string, value: string, exceptDossierId: number): number | null {
  return (holders(db).get(typeId, fieldKey, value, exceptDossierId) as number | undefined) ?? null;
}

/** Every value a field has among the type's dossiers (an import checks its rows against them). */
export function uniqueValuesOfField(db: Db, typeId: number, fieldKey: string): Set<string> {
  return new Set(db.all<{ v: string }>(sql`SELECT value AS v FROM dossier_unique_values WHERE type_id = ${typeId} AND field_key = ${fieldKey}`).map((r) => r.v));
}

/**
 * A field newly marked unique: the values every dossier of the type has for it are recorded, and
 * those held by more than one dossier are returned (the change must then be refused).
 */
export function recordFieldValues(db: Db, typeId: number, fieldKey: string): { value: string; dossiers: number }[] {
  const path = `$.${fieldKey}`;
  db.run(sql`INSERT OR IGNORE INTO dossier_unique_values (type_id, field_key, value, dossier_id)
    SELECT type_id, ${fieldKey}, fields ->> ${path}, id FROM dossiers WHERE type_id = ${typeId} AND fields ->> ${path} IS NOT NULL AND fields ->> ${path} <> ''`);
  return db.all<{ value: string; dossiers: number }>(sql`SELECT value, count(*) AS dossiers FROM dossier_unique_values
    WHERE type_id = ${typeId} AND field_key = ${fieldKey} GROUP BY value HAVING count(*) > 1 ORDER BY value LIMIT 10`);
}
