/** Where dropped or chosen files are filed: the dossier (a document per file), a checklist item's document, or a document. */
export type FilingTarget = { kind: 'dossier' } | { kind: 'item'; key: string } | { kind: 'document'; id: number };

export const DOSSIER_TARGET: FilingTarget = { kind: 'dossier' };

/** The target as scan:add takes it. */
export function targetInput(target: FilingTarget): { checklistItem?: string; documentId?: number } {
  if (target.kind === 'item') return { checklistItem: target.key };
  if (target.kind === 'document') return { documentId: target.id };
  return {};
}

/** A name for the target in test ids. */
export function targetId(target: FilingTarget): string {
  return target.kind === 'dossier' ? 'dossier' : target.kind === 'item' ? `item-${target.key}` : `document-${target.id}`;
}
