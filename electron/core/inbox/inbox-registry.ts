import { statSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { contentAddress } from '../attachments/sealed-file';
import { scanKeys } from '../attachments/file-store';
import type { ActiveSession } from '../session';
import { dataFolderProblem } from './data-folder-guard';
import { ScanInbox, type InboxOptions } from './scan-inbox';

/** The scan inbox of each session, started when first asked for; the watch ends with the session. */
const inboxes = new WeakMap<ActiveSession, ScanInbox>();

function optionsOf(session: ActiveSession): InboxOptions {
  const { folder, polling, stableSeconds } = session.settings.scanInbox;
  return { folder, polling, stableSeconds, maxBytes: session.settings.scanMaxMegabytes * 1024 * 1024 };
}

const same = (a: InboxOptions, b: InboxOptions) => a.folder === b.folder && a.polling === b.polling && a.stableSeconds === b.stableSeconds && a.maxBytes === b.maxBytes;

/**
 * The session's scan inbox as the settings say now (a changed setting starts a new watch); null
 * when no folder is set. A folder that overlaps the archive's data folder (a setting saved before
 * that was refused) is never watched: VALIDATION.
 */
export function scanInboxOf(session: ActiveSession): ScanInbox | null {
  const options = optionsOf(session);
  const current = inboxes.get(session);
  if (current && same(current.options, options)) return current;
  if (current) void current.close();
  if (options.folder === '') return null;
  const problem = dataFolderProblem(session.settings.scanInbox, session.archive.paths.dataDir);
  if (problem) throw new AppError('VALIDATION', problem);
  // The name key alone tells a file filed before (its content address); it is wiped when the watch ends.
  const keys = scanKeys(session.archive.dataKey);
  keys.content.fill(0);
  const inbox = new ScanInbox(options, (bytes) => contentAddress(keys.name, bytes), () => {
    keys.name.fill(0);
    if (inboxes.get(session) === inbox) inboxes.delete(session);
  });
  inboxes.set(session, inbox);
  return inbox;
}

/** Like scanInboxOf, for filing: a clear refusal when no folder is set. */
export function requireScanInbox(session: ActiveSession): ScanInbox {
  const inbox = scanInboxOf(session);
  if (!inbox) throw new AppError('VALIDATION', { zh: '尚未设置扫描仪输出文件夹（系统设置 → 安全策略 → 扫描收件箱）', en: 'No scanner output folder is set (Settings → Security policy → Scan inbox)' });
  return inbox;
}

/** At lock, sign-out and shutdown: the watch ends. */
export function stopScanInbox(session: ActiveSession): void {
  void inboxes.get(session)?.close();
}

/** A folder the inbox can watch: it must exist and be a folder (checked when the setting is saved). */
export function requireInboxFolder(folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new AppError('VALIDATION', { zh: `文件夹“${folder}”不存在或无法访问`, en: `The folder "${folder}" does not exist or cannot be reached` });
  }
  if (!isFolder) throw new AppError('VALIDATION', { zh: `“${folder}”不是文件夹`, en: `"${folder}" is not a folder` });
}
