import { listDocuments } from '../../../../db/repositories/documents';
import { MAX_SCANS_PER_FILING, type InboxFiling } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { claimFile, releaseClaim } from '../../inbox/claim';
import type { StableFile } from '../../inbox/folder-watch';
import { readListedFile } from '../../inbox/inbox-file';
import { leaveFolder } from '../../inbox/leave-folder';
import type { ScanInbox } from '../../inbox/scan-inbox';
import { AppError } from '../../../../shared/errors';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { addScans, type AddScansInput } from '../scans/add-scans';
import { documentsHolding } from './filed-before';
import { stageInboxFile } from './stage-inbox-file';

/** A file of the inbox to file, with its content address from when it was looked at. */
export interface FileToFile extends StableFile {
  address: string;
}

export type FilingTarget = Omit<AddScansInput, 'stagedFileIds'>;

export const emptyFiling = (): InboxFiling => ({ filings: [], alreadyFiled: [], sheets: [], left: [], taken: [] });

/** A file that has been filed (or was before) leaves the folder; if it cannot, it stays, with the reason. */
export function takeOut(ctx: HandlerContext, inbox: ScanInbox, files: readonly StableFile[], outcome: InboxFiling): void {
  const setting = ctx.session().settings.scanInbox;
  for (const file of files) {
    const problem = leaveFolder(setting, file);
    if (problem) outcome.left.push({ name: file.name, reason: problem });
    else inbox.forget(file);
  }
}

interface Claimed {
  file: FileToFile;
  /** The file's working name while it is filed. */
  path: string;
}

/**
 * A claimed file's bytes, if they are still what was looked at; if not (overwritten, its size and
 * time the same), the inbox looks at it again – else it would stay "changed since listed" for good.
 */
async function readClaimed(inbox: ScanInbox, { file, path }: Claimed): Promise<Uint8Array> {
  try {
    const bytes = await readListedFile(path, file);
    if (inbox.contentAddress(bytes) !== file.address) {
      throw new AppError('CONFLICT', { zh: `“${file.name}”在列出后内容已改变，请稍候再试`, en: `“${file.name}” has changed since it was listed; try again in a moment` });
    }
    return bytes;
  } catch (error) {
    inbox.reanalyse(file);
    throw error;
  }
}

/**
 * One batch: each file claimed (renamed to its working name: another program filing the same
 * folder then cannot take it too – one it took first is reported as taken), read, staged, and the
 * batch filed through scan:add. Refused: every file gets its name back. Filed: the files leave the
 * folder; one that cannot gets its name back, and stays with the reason.
 */
async function fileClaimed(ctx: HandlerContext, inbox: ScanInbox, target: FilingTarget, batch: readonly FileToFile[], outcome: InboxFiling): Promise<InboxFiling['filings'][number] | null> {
  const session = ctx.session();
  const claimed: Claimed[] = [];
  const staged: string[] = [];
  let filing: InboxFiling['filings'][number] | null = null;
  try {
    for (const file of batch) {
      const path = claimFile(inbox.folder, file.name);
      if (path === null) {
        outcome.taken.push(file.name);
        inbox.forget(file);
        continue;
      }
      claimed.push({ file, path });
      const bytes = await readClaimed(inbox, { file, path });
      staged.push((await stageInboxFile(session.stagedFiles, file.name, bytes)).stagedFileId);
    }
    if (staged.length > 0) filing = await addScans(ctx, { ...target, stagedFileIds: staged });
  } catch (error) {
    for (const { file, path } of claimed) releaseClaim(inbox.folder, path, file.name);
    throw error;
  } finally {
    // Filed: scan:add has let them go; refused: they go now.
    for (const id of staged) session.stagedFiles.discard(id);
  }
  const setting = session.settings.scanInbox;
  for (const { file, path } of claimed) {
    const problem = leaveFolder(setting, file, path);
    if (problem) {
      releaseClaim(inbox.folder, path, file.name);
      outcome.left.push({ name: file.name, reason: problem });
    }
    inbox.forget(file);
  }
  return filing;
}

/**
 * Files of the inbox filed onto a target through scan:add's own service, in batches of at most
 * MAX_SCANS_PER_FILING: each staged from the bytes read now (refused if they are no longer what
 * was listed), then filed; only once a batch has committed do its files leave the folder. A file
 * whose content is on the target already (the document – or, filed as documents of their own or
 * onto a new document, the dossier) is not filed again: it only leaves the folder.
 */
export async function fileBatch(ctx: HandlerContext, inbox: ScanInbox, target: FilingTarget, files: readonly FileToFile[], outcome: InboxFiling): Promise<void> {
  const session = ctx.session();
  const { db } = session.archive.database;
  const dossier = requireVisibleDossier(db, session, target.archiveNumber);
  const onTarget = target.newDocument ? undefined : (target.documentId ?? listDocuments(db, dossier.id).find((d) => target.checklistItem !== undefined && d.checklistItem === target.checklistItem)?.id);
  const anywhere = target.checklistItem === undefined || target.newDocument === true;
  const before = files.filter((file) => {
    const holding = documentsHolding(db, dossier.id, file.address);
    return onTarget === undefined ? holding.length > 0 && anywhere : holding.includes(onTarget);
  });
  for (const file of before) {
    const documentId = onTarget ?? documentsHolding(db, dossier.id, file.address)[0];
    outcome.alreadyFiled.push({ name: file.name, archiveNumber: dossier.archiveNumber, documentTitle: listDocuments(db, dossier.id).find((d) => d.id === documentId)?.title ?? '' });
  }
  takeOut(ctx, inbox, before, outcome);

  const toFile = files.filter((file) => !before.includes(file));
  let batchTarget = target;
  for (let start = 0; start < toFile.length; start += MAX_SCANS_PER_FILING) {
    const filing = await fileClaimed(ctx, inbox, batchTarget, toFile.slice(start, start + MAX_SCANS_PER_FILING), outcome);
    if (!filing) continue;
    outcome.filings.push(filing);
    // A document opened by the first batch takes the later ones too.
    const opened = batchTarget.newDocument === true || batchTarget.title !== undefined ? filing.documents.find((d) => d.created) : undefined;
    if (opened) batchTarget = { archiveNumber: target.archiveNumber, documentId: opened.id };
  }
}
