import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../open';
import { dossiers, inspections, locations, stocktakes } from '../schema';
import { visible, type Visibility } from './dossiers';

export type LocationRow = typeof locations.$inferSelect;

/** Every place (a few thousand at most): the tree is built in memory. */
export function allLocations(db: Db): LocationRow[] {
  return db.select().from(locations).orderBy(locations.parentId, locations.position, locations.id).all();
}

export function insertLocation(db: Db, row: Omit<LocationRow, 'id'>): number {
  return db.insert(locations).values(row).returning({ id: locations.id }).get().id;
}

export function updateLocation(db: Db, id: number, changes: Partial<Pick<LocationRow, 'code' | 'name' | 'position' | 'note'>>): void {
  db.update(locations).set(changes).where(eq(locations.id, id)).run();
}

export function deleteLocation(db: Db, id: number): void {
  db.delete(locations).where(eq(locations.id, id)).run();
}

/** How many dossiers the reader may see stand at each place. */
export function dossierCountsByLocation(db: Db, visibility: Visibility): Map<number, number> {
  const rows = db
    .select({ locationId: dossiers.locationId, n: count() })
    .from(dossiers)
    .where(and(isNotNull(dossiers.locationId), visible(visibility)))
    .groupBy(dossiers.locationId)
    .all();
  return new Map(rows.flatMap((r) => (r.locationId === null ? [] : [[r.locationId, r.n] as const])));
}

/** Whether any dossier at all (seen or not) stands at the place: it may then not be removed. */
export function locationInUse(db: Db, id: number): boolean {
  return db.select({ id: dossiers.id }).from(dossiers).where(eq(dossiers.locationId, id)).limit(1).get() !== undefined;
}

/** Whether the stocktake or the inspection register names this place (registers are kept: the place stays). */
export function locationInRegisters(db: Db, id: number): boolean {
  return (
    db.select({ id: stocktakes.id }).from(stocktakes).where(eq(stocktakes.locationId, id)).limit(1).get() !== undefined ||
    db.select({ id: inspections.id }).from(inspections).where(eq(inspections.locationId, id)).limit(1).get() !== undefined
  );
}
