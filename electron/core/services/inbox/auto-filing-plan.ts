import type { Message } from '../../../../shared/errors';
import { isSheet, reasons, type AnalysedFile } from './inbox-files';

/** One document's worth of an auto-filing: the sheets that set it up, and the files after them. */
export interface FilingStep {
  archiveNumber: string;
  checklistItemKey: string | null;
  /** Onto a new document (after a separator, or a cover that names no checklist item) – else onto the item's document. */
  newDocument: boolean;
  sheets: AnalysedFile[];
  files: AnalysedFile[];
}

export interface FilingPlan {
  steps: FilingStep[];
  left: { file: AnalysedFile; reason: Message }[];
}

/**
 * What the covers say, in filing order: a cover sets the dossier (and checklist item) for the
 * files after it; a separator starts a new document of the same dossier and item; files before any
 * cover stay, as do files that are not scans. Sheets with no pages after them stay too (the rest of
 * the batch may not be scanned yet); an empty step's sheets go with the next step of the same batch.
 * While the scanner is still writing (`stillWriting`), the last step stays, sheets and all: its
 * pages may not all be there yet, and its cover must stay for them.
 */
export function planAutoFiling(files: readonly AnalysedFile[], stillWriting = false): FilingPlan {
  const plan: FilingPlan = { steps: [], left: [] };
  let current: FilingStep | null = null;
  const start = (next: FilingStep) => {
    if (current && current.files.length === 0) next.sheets.unshift(...current.sheets);
    else if (current) plan.steps.push(current);
    current = next;
  };
  for (const file of files) {
    const { analysis } = file;
    if (analysis.kind === 'refused') {
      plan.left.push({ file, reason: analysis.reason });
    } else if (analysis.sheet && !isSheet(file)) {
      plan.left.push({ file, reason: reasons.sheetWithPages });
    } else if (analysis.sheet?.kind === 'cover') {
      start({ archiveNumber: analysis.sheet.archiveNumber, checklistItemKey: analysis.sheet.checklistItemKey, newDocument: analysis.sheet.checklistItemKey === null, sheets: [file], files: [] });
    } else if (current === null) {
      plan.left.push({ file, reason: reasons.beforeCover });
    } else if (analysis.sheet?.kind === 'separator') {
      const { archiveNumber, checklistItemKey }: FilingStep = current;
      start({ archiveNumber, checklistItemKey, newDocument: true, sheets: [file], files: [] });
    } else {
      (current as FilingStep).files.push(file);
    }
  }
  const last = current as FilingStep | null;
  if (last && stillWriting) plan.left.push(...[...last.sheets, ...last.files].map((file) => ({ file, reason: reasons.stillWriting })));
  else if (last && last.files.length > 0) plan.steps.push(last);
  else if (last) plan.left.push(...last.sheets.map((file) => ({ file, reason: reasons.nothingAfter })));
  return plan;
}
