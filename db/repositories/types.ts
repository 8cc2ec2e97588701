import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../open';
import { dossierTypes, dossierTypeVersions } from '../schema';

export interface TypeRecord {
  id: number;
  key: string;
  version: number;
  active: boolean;
  /** The definition as stored (JSON text); the core parses and validates it. */
  definition: string;
}

export function insertType(db: Db, key: string, definition: string, at: string, userId: number | null): number {
  const id = db.insert(dossierTypes).values({ key, currentVersion: 1, createdAt: at, updatedAt: at }).returning({ id: dossierTypes.id }).get().id;
  db.insert(dossierTypeVersions).values({ typeId: id, version: 1, definition, createdAt: at, createdBy: userId }).run();
  return id;
}

/** A new version becomes the current one; earlier versions stay for the dossiers made with them. */
export function addTypeVersion(db: Db, typeId: number, definition: string, at: string, userId: number): number {
  const current = db.select({ version: dossierTypes.currentVersion }).from(dossierTypes).where(eq(dossierTypes.id, typeId)).get()?.version ?? 0;
  const version = current + 1;
  db.insert(dossierTypeVersions).values({ typeId, version, definition, createdAt: at, createdBy: userId }).run();
  db.update(dossierTypes).set({ currentVersion: version, updatedAt: at }).where(eq(dossierTypes.id, typeId)).run();
  return version;
}

function selectCurrent(db: Db) {
  return db
    .select({ id: dossierTypes.id, key: dossierTypes.key, version: dossierTypes.currentVersion, active: dossierTypes.active, definition: dossierTypeVersions.definition })
    .from(dossierTypes)
    .innerJoin(dossierTypeVersions, and(eq(dossierTypeVersions.typeId, dossierTypes.id), eq(dossierTypeVersions.version, dossierTypes.currentVersion)))
    .$dynamic();
}

export function listTypes(db: Db): TypeRecord[] {
  return selectCurrent(db).orderBy(asc(dossierTypes.id)).all();
}

export function findTypeByKey(db: Db, key: string): TypeRecord | null {
  return selectCurrent(db).where(eq(dossierTypes.key, key)).get() ?? null;
}

export function typeVersion(db: Db, typeId: number, version: number): TypeRecord | null {
  return (
    db
      .select({ id: dossierTypes.id, key: dossierTypes.key, version: dossierTypeVersions.version, active: dossierTypes.active, definition: dossierTypeVersions.definition })
      .from(dossierTypeVersions)
      .innerJoin(dossierTypes, eq(dossierTypes.id, dossierTypeVersions.typeId))
      .where(and(eq(dossierTypeVersions.typeId, typeId), eq(dossierTypeVersions.version, version)))
      .get() ?? null
  );
}
