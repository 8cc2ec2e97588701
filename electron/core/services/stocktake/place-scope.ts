import { allLocations } from '../../../../db/repositories/locations';
import type { Db } from '../../../../db/open';
import type { StocktakePlace } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { locationViews, subtreeIds } from '../locations/location-tree';

/** The place a stocktake walks, every place inside it, and the names of all places (to say where a misplaced dossier belongs). */
export interface PlaceScope {
  place: StocktakePlace;
  /** The place and every place inside it: what stands in any of them is expected. */
  ids: readonly number[];
  covers: (locationId: number | null) => boolean;
  placeOf: (locationId: number | null) => StocktakePlace | null;
}

export function placeScope(db: Db, locationId: number): PlaceScope {
  const rows = allLocations(db);
  const places = new Map(locationViews(rows, new Map()).map((v) => [v.id, { id: v.id, fullCode: v.fullCode, path: v.path }]));
  const place = places.get(locationId);
  if (!place) throw new AppError('NOT_FOUND', { zh: '没有此存放位置', en: 'There is no such location' });
  const ids = subtreeIds(rows, locationId);
  const inside = new Set(ids);
  return {
    place,
    ids,
    covers: (id) => id !== null && inside.has(id),
    placeOf: (id) => (id === null ? null : (places.get(id) ?? null)),
  };
}
