import { setCompleteness } from '../../../../db/repositories/dossiers';
import { listDocuments, type DocumentRow } from '../../../../db/repositories/documents';
import type { Db } from '../../../../db/open';
import type { ChecklistStatus } from '../../../../shared/contract';
import type { ChecklistItem, TypeDefinition } from '../../../../shared/dossier-types';

/** The checklist against the documents filed: a dossier is complete when every required item has one. */
export function checklistStatus(definition: TypeDefinition | null, documents: readonly DocumentRow[]): { checklist: ChecklistStatus[]; missing: ChecklistItem[] } {
  const checklist = (definition?.checklist ?? []).map((item) => {
    const count = documents.filter((d) => d.checklistItem === item.key).length;
    return { item, documents: count, satisfied: count > 0 };
  });
  return { checklist, missing: checklist.filter((c) => c.item.requirement === 'required' && !c.satisfied).map((c) => c.item) };
}

/** Stores completeness with the dossier after its documents changed. */
export function refreshCompleteness(db: Db, dossierId: number, definition: TypeDefinition | null): void {
  setCompleteness(
    db,
    dossierId,
    checklistStatus(definition, listDocuments(db, dossierId)).missing.map((item) => item.key),
  );
}
