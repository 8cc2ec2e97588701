/** Where dropped or chosen files are filed: the dossier (a document per file, or one titled document for all), a checklist item's document, or a document. */
export type FilingTarget = { kind: 'dossier'; title?: string } | { kind: 'item'; key: string } | { kind: 'document'; id: number };

export const DOSSIER_TARGET: FilingTarget = { kind: 'dossier' };

/** The target as scan:add takes it. */
export function targetInput(target: FilingTarget): { checklistItem?: string; documentId?: number; title?: string } {
  if (target.kind === 'item') return { checklistItem: target.key };
  if (target.kind === 'document') return { documentId: target.id };
  return target.title ? { title: target.title } : {};
}

/** A name for the target in test ids. */
export function targetId(target: FilingTarget): string {
  return target.kind === 'dossier' ? 'dossier' : target.kind === 'item' ? `item-${target.key}` : `document-${target.id}`;
}
