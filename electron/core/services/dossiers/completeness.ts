import { setCompleteness } from '../../../../db/repositories/dossiers';
import { listDocuments, type DocumentRow } from '../../../../db/repositories/documents';
import { scanPageCounts } from '../../../../db/repositories/scans';
import type { Db } from '../../../../db/open';
import type { ChecklistStatus } from '../../../../shared/contract';
import { evidenceOf, type ChecklistItem, type TypeDefinition } from '../../../../shared/dossier-types';

/**
 * The checklist against the documents filed: a dossier is complete when every required item is
 * fulfilled as its evidence asks – a document registered; a document with scanned pages; an
 * original document with scanned pages.
 */
export function checklistStatus(definition: TypeDefinition | null, documents: readonly DocumentRow[], scannedPages: ReadonlyMap<number, number>): { checklist: ChecklistStatus[]; missing: ChecklistItem[] } {
  const checklist = (definition?.checklist ?? []).map((item): ChecklistStatus => {
    const own = documents.filter((d) => d.checklistItem === item.key);
    const scanned = own.filter((d) => (scannedPages.get(d.id) ?? 0) > 0);
    const evidence = evidenceOf(item);
    const satisfied = evidence === 'paper' ? own.length > 0 : evidence === 'scan' ? scanned.length > 0 : scanned.some((d) => d.form === 'original');
    return { item, documents: own.length, scannedPages: scanned.reduce((n, d) => n + (scannedPages.get(d.id) ?? 0), 0), satisfied };
  });
  return { checklist, missing: checklist.filter((c) => c.item.requirement === 'required' && !c.satisfied).map((c) => c.item) };
}

/** A dossier's documents with their scanned page counts, as checklistStatus reads them. */
export function documentsWithScans(db: Db, dossierId: number): { documents: DocumentRow[]; scannedPages: Map<number, number> } {
  const documents = listDocuments(db, dossierId);
  return { documents, scannedPages: scanPageCounts(db, documents.map((d) => d.id)) };
}

/** Stores completeness with the dossier after its documents or their scans changed. */
export function refreshCompleteness(db: Db, dossierId: number, definition: TypeDefinition | null): void {
  const { documents, scannedPages } = documentsWithScans(db, dossierId);
  setCompleteness(
    db,
    dossierId,
    checklistStatus(definition, documents, scannedPages).missing.map((item) => item.key),
  );
}
