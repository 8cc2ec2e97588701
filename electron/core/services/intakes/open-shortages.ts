import { countingItemsOfDossier, replaceOpenShortages, type OpenShortageRow, type StoredItem } from '../../../../db/repositories/intakes';
import type { Db } from '../../../../db/open';

/**
 * The items still missing after a dossier's hand-overs, replayed in order: an item noted missing
 * is open from that intake on, until a later intake records it present.
 */
export function replayShortages(intakes: readonly { intakeId: number; items: readonly StoredItem[] }[]): OpenShortageRow[] {
  const open = new Map<string, OpenShortageRow>();
  for (const { intakeId, items } of intakes) {
    for (const item of items) {
      if (item.status === 'present') {
        open.delete(item.key);
        continue;
      }
      const known = open.get(item.key);
      open.set(item.key, { itemKey: item.key, itemName: item.name, sinceIntakeId: known?.sinceIntakeId ?? intakeId, lastIntakeId: intakeId });
    }
  }
  return [...open.values()];
}

/** Rebuilds a dossier's open shortages from the intakes that count, in the transaction that changed them. */
export function refreshOpenShortages(db: Db, dossierId: number): void {
  replaceOpenShortages(db, dossierId, replayShortages(countingItemsOfDossier(db, dossierId)));
}
