import type { Db } from '../../../../db/open';
import type { InboxEntry, InboxSheet } from '../../../../shared/contract';
import type { ActiveSession } from '../../session';
import { toAppError } from '../../errors';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { definitionOf } from '../dossiers/dossier-summary';

/**
 * The checklist items the inbox's cover sheets name, by their names (a cover's code carries only the
 * item's key), read from the type of each dossier the user may see – without opening the dossier,
 * so listing the inbox records no view of a classified dossier.
 */
export function coverItemNames(db: Db, session: ActiveSession): (sheet: InboxSheet | null) => InboxEntry['coverItem'] {
  const itemsOf = new Map<string, Map<string, { name: string; nameEn: string | null }>>();
  const itemsOfDossier = (archiveNumber: string) => {
    let items = itemsOf.get(archiveNumber);
    if (!items) {
      items = new Map();
      try {
        for (const item of checklistOf(db, session, archiveNumber)) items.set(item.key, item);
      } catch (error) {
        // A dossier not there, or not the user's: no names (filing says why it cannot go there).
        if (toAppError(error).code === 'INTERNAL') throw error;
      }
      itemsOf.set(archiveNumber, items);
    }
    return items;
  };
  return (sheet) => (sheet?.kind === 'cover' && sheet.checklistItemKey ? (itemsOfDossier(sheet.archiveNumber).get(sheet.checklistItemKey) ?? null) : null);
}

/** A dossier's checklist items by name, from its type: the dossier is not opened (no view recorded). */
export function checklistOf(db: Db, session: ActiveSession, archiveNumber: string): { key: string; name: string; nameEn: string | null }[] {
  return (definitionOf(db, requireVisibleDossier(db, session, archiveNumber))?.checklist ?? []).map((item) => ({ key: item.key, name: item.name, nameEn: item.nameEn ?? null }));
}
