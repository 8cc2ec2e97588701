import type { InboxEntry, InboxSheet, ScanInboxView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import type { InboxFile, ScanInbox } from '../../inbox/scan-inbox';
import { requireInboxFolder, requireScanInbox, scanInboxOf } from '../../inbox/inbox-registry';
import { toAppError } from '../../errors';
import { coverItemNames } from './cover-items';
import { filedPlaces } from './filed-before';

function entryOf(file: InboxFile, filedOn: InboxEntry['filedOn'], coverItem: (sheet: InboxSheet | null) => InboxEntry['coverItem']): InboxEntry {
  const { analysis } = file;
  const base = { name: file.name, size: file.size, modifiedAt: new Date(file.mtimeMs).toISOString(), filedOn };
  if (analysis === null) return { ...base, state: 'checking', mediaType: null, pages: null, reason: null, sheet: null, coverItem: null };
  if (analysis.kind === 'refused') return { ...base, state: 'refused', mediaType: null, pages: null, reason: analysis.reason, sheet: null, coverItem: null };
  return { ...base, state: 'scan', mediaType: analysis.mediaType, pages: analysis.pages, reason: null, sheet: analysis.sheet, coverItem: coverItem(analysis.sheet) };
}

/** The session's inbox, or why it cannot be watched (a folder that overlaps the archive's data folder). */
function inboxOrProblem(ctx: HandlerContext): { inbox: ScanInbox | null; refused: ScanInboxView['problem'] } {
  try {
    return { inbox: scanInboxOf(ctx.session()), refused: null };
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code !== 'VALIDATION') throw refusal;
    return { inbox: null, refused: { zh: refusal.messageZh, en: refusal.messageEn } };
  }
}

/**
 * The scan inbox: the watched folder's complete files with what is known of each (inbox:list).
 * `settle` (a one-shot caller): first waits – outside the core's queue, so other calls are
 * answered meanwhile – until the files have had their stability window and have been looked at.
 */
export function listInbox(ctx: HandlerContext, settle: boolean): ScanInboxView {
  const session = ctx.session();
  const { inbox, refused } = inboxOrProblem(ctx);
  if (refused) return { folder: session.settings.scanInbox.folder, problem: refused, entries: [] };
  if (!inbox) return { folder: '', problem: null, entries: [] };
  let problem: ScanInboxView['problem'] = null;
  try {
    requireInboxFolder(inbox.folder);
  } catch (error) {
    const refusal = toAppError(error);
    problem = { zh: refusal.messageZh, en: refusal.messageEn };
  }
  if (!problem && inbox.problem) problem = { zh: `无法监视文件夹：${inbox.problem.message}`, en: `The folder cannot be watched: ${inbox.problem.message}` };
  if (settle && !problem) {
    // A file that cannot be read is listed as it is when the wait is over.
    return ctx.outsideQueue(
      () => inbox.settledFiles().catch(() => undefined),
      (later) => listInbox(later, false),
    );
  }
  const files = inbox.files();
  const { db } = session.archive.database;
  const places = filedPlaces(
    db,
    session,
    files.flatMap((file) => (file.analysis?.address ? [file.analysis.address] : [])),
  );
  const coverItem = coverItemNames(db, session);
  return { folder: inbox.folder, problem, entries: files.map((file) => entryOf(file, (file.analysis?.address && places.get(file.analysis.address)) || null, coverItem)) };
}

/** A file's first page as a thumbnail (inbox:thumbnail), drawn in memory. */
export async function inboxThumbnail(ctx: HandlerContext, name: string): Promise<{ mimeType: 'image/jpeg'; bytes: Uint8Array; width: number; height: number }> {
  const inbox = requireScanInbox(ctx.session());
  const file = inbox.find(name);
  if (!file) throw new AppError('NOT_FOUND', { zh: `扫描收件箱中没有“${name}”`, en: `The scan inbox has no “${name}”` });
  const analysis = await inbox.analysisOf(file);
  if (analysis.kind !== 'scan') throw new AppError('VALIDATION', { zh: `“${name}”不是扫描件，没有缩略图`, en: `“${name}” is not a scan and has no thumbnail` });
  const drawn = await inbox.thumbnail(file);
  return { mimeType: 'image/jpeg', bytes: drawn.jpeg, width: drawn.width, height: drawn.height };
}
