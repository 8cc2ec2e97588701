import type { ChecklistStatus, DocumentScans, DossierScans } from '../../../../shared/contract';

/** A checklist item with the documents filed for it (none: an empty place to file scans). */
export interface ItemScans {
  status: ChecklistStatus;
  documents: DocumentScans[];
}

export interface ScanGroups {
  items: ItemScans[];
  /** Documents of no checklist item (or of an item the type no longer lists). */
  others: DocumentScans[];
}

/** The documents under the checklist items they are filed for, in the checklist's order. */
export function groupScans(checklist: readonly ChecklistStatus[], documents: readonly DocumentScans[]): ScanGroups {
  const keys = new Set(checklist.map((status) => status.item.key));
  return {
    items: checklist.map((status) => ({ status, documents: documents.filter((d) => d.checklistItem === status.item.key) })),
    others: documents.filter((d) => d.checklistItem === null || !keys.has(d.checklistItem)),
  };
}

/** All scanned pages of the dossier (the reader's documents). */
export function dossierPageCount(scans: DossierScans): number {
  return scans.documents.reduce((sum, d) => sum + d.pages.length, 0);
}

/** The scanned pages filed for one checklist item. */
export function itemPageCount(scans: DossierScans, itemKey: string): number {
  return scans.documents.filter((d) => d.checklistItem === itemKey).reduce((sum, d) => sum + d.pages.length, 0);
}
