import type { InboxFiling } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { toAppError } from '../../errors';
import { requireScanInbox } from '../../inbox/inbox-registry';
import type { ScanInbox } from '../../inbox/scan-inbox';
import { inFilingOrder } from '../../inbox/scan-inbox';
import { planAutoFiling, type FilingStep } from './auto-filing-plan';
import { emptyFiling, fileBatch, takeOut, type FileToFile, type FilingTarget } from './file-batch';
import { reasons, type AnalysedFile } from './inbox-files';

/** A scanner's file name as a document's title: without its extension. */
const titleOf = (name: string) => name.replace(/\.[^.]*$/, '').trim().slice(0, 200) || name;

/**
 * Where a step's files go: the checklist item's document, or a new document – opened by the
 * filing itself, in its own transaction, so a step refused leaves none behind.
 */
function targetOf(step: FilingStep, files: readonly FileToFile[]): FilingTarget {
  const checklistItem = step.checklistItemKey ?? undefined;
  if (!step.newDocument) return { archiveNumber: step.archiveNumber, checklistItem };
  return { archiveNumber: step.archiveNumber, checklistItem, newDocument: true, title: checklistItem ? undefined : titleOf(files[0]?.name ?? '') };
}

/**
 * What can be planned now: the files looked at, up to the first one the scanner is still writing
 * (or not yet looked at) in filing order – it may be a page of the batch before it. Nothing is
 * waited for: the call must not hold the core's queue while the scanner writes.
 */
function readyFiles(inbox: ScanInbox): { ready: AnalysedFile[]; later: AnalysedFile[]; stillWriting: boolean } {
  const analysed = inbox.files().flatMap((file) => (file.analysis ? [{ ...file, analysis: file.analysis }] : []));
  const [firstUnfinished] = inFilingOrder(inbox.unfinishedNames().map((name) => ({ name, size: 0, mtimeMs: 0 })));
  if (!firstUnfinished) return { ready: analysed, later: [], stillWriting: false };
  const before = (file: AnalysedFile) => inFilingOrder([file, firstUnfinished])[0] === file;
  return { ready: analysed.filter(before), later: analysed.filter((file) => !before(file)), stillWriting: true };
}

/**
 * Files the inbox by its cover sheets (planAutoFiling). Each step is filed on its own: a step
 * refused (a cover naming a dossier that is not there or not the user's, a damaged page) stays in
 * the folder with the reason, and the other steps are filed.
 */
export async function autoFile(ctx: HandlerContext): Promise<InboxFiling> {
  const inbox = requireScanInbox(ctx.session());
  const { ready, later, stillWriting } = readyFiles(inbox);
  const plan = planAutoFiling(ready, stillWriting);
  const outcome = emptyFiling();
  outcome.left.push(...plan.left.map(({ file, reason }) => ({ name: file.name, reason })), ...later.map((file) => ({ name: file.name, reason: reasons.stillWriting })));
  for (const step of plan.steps) {
    const files: FileToFile[] = step.files.flatMap((file) => (file.analysis.kind === 'scan' ? [{ ...file, address: file.analysis.address }] : []));
    try {
      await fileBatch(ctx, inbox, targetOf(step, files), files, outcome);
    } catch (error) {
      const refusal = toAppError(error);
      if (refusal.code === 'INTERNAL' || refusal.code === 'UNAUTHENTICATED') throw refusal;
      const reason = { zh: refusal.messageZh, en: refusal.messageEn };
      // Files an earlier batch of the step filed, or another program took, are not left.
      const gone = new Set([...outcome.taken, ...outcome.alreadyFiled.map((f) => f.name), ...outcome.filings.flatMap((f) => f.files.map((file) => file.name))]);
      outcome.left.push(...[...step.sheets, ...step.files].filter((file) => !gone.has(file.name)).map((file) => ({ name: file.name, reason })));
      continue;
    }
    takeOut(ctx, inbox, step.sheets, outcome);
    outcome.sheets.push(...step.sheets.map((sheet) => sheet.name));
  }
  return outcome;
}
