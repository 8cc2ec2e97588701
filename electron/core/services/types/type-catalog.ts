import { findTypeByKey, listTypes, typeVersion, type TypeRecord } from '../../../../db/repositories/types';
import type { Db } from '../../../../db/open';
import type { DossierTypeView } from '../../../../shared/contract';
import { typeDefinitionSchema, type TypeDefinition } from '../../../../shared/dossier-types';
import { AppError } from '../../../../shared/errors';

/** Parsed definitions per connection: a version never changes once written. */
const parsed = new WeakMap<Db, Map<string, TypeDefinition>>();

function parse(db: Db, record: TypeRecord): TypeDefinition {
  let cache = parsed.get(db);
  if (!cache) {
    cache = new Map();
    parsed.set(db, cache);
  }
  const key = `${record.id}:${record.version}`;
  let definition = cache.get(key);
  if (!definition) {
    definition = typeDefinitionSchema.parse(JSON.parse(record.definition));
    cache.set(key, definition);
  }
  return definition;
}

export interface CurrentType {
  id: number;
  version: number;
  active: boolean;
  definition: TypeDefinition;
}

export function currentTypes(db: Db): CurrentType[] {
  return listTypes(db).map((record) => ({ id: record.id, version: record.version, active: record.active, definition: parse(db, record) }));
}

export function requireType(db: Db, key: string): CurrentType {
  const type = findType(db, key);
  if (!type?.active) {
    throw new AppError('NOT_FOUND', { zh: `没有档案类型“${key}”（可用：dossierdesk type list）`, en: `There is no dossier type "${key}" (see: dossierdesk type list)` });
  }
  return type;
}

/** The current version of a type, active or not (a dossier of a retired type is still corrected by it). */
export function findType(db: Db, key: string): CurrentType | null {
  const record = findTypeByKey(db, key);
  return record ? { id: record.id, version: record.version, active: record.active, definition: parse(db, record) } : null;
}

/** The definition a dossier was made with (its own version, not necessarily the current one). */
export function definitionAt(db: Db, typeId: number, version: number): TypeDefinition | null {
  const known = parsed.get(db)?.get(`${typeId}:${version}`);
  if (known) return known;
  const record = typeVersion(db, typeId, version);
  return record ? parse(db, record) : null;
}

export function toTypeView(type: CurrentType): DossierTypeView {
  return { ...type.definition, version: type.version, active: type.active };
}
