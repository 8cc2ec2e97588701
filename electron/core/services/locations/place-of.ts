import { allLocations } from '../../../../db/repositories/locations';
import type { Db } from '../../../../db/open';
import type { LocationView } from '../../../../shared/contract';
import { locationViews } from './location-tree';

/** Where a dossier stands, as its page shows it. */
export function placeOf(db: Db, locationId: number): Pick<LocationView, 'id' | 'fullCode' | 'path'> | null {
  const view = locationViews(allLocations(db), new Map()).find((v) => v.id === locationId);
  return view ? { id: view.id, fullCode: view.fullCode, path: view.path } : null;
}
