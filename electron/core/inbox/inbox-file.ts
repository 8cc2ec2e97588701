import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { InboxSheet } from '../../../shared/contract/inbox';
import type { ScanMediaType } from '../../../shared/contract/scan';
import { AppError, type Message } from '../../../shared/errors';
import { formatByteLimit } from '../../../shared/contract/staging';
import { parseScanCode } from '../../../shared/scan-codes';
import { inspectScan } from '../attachments/inspect';
import { readPageCodes } from '../attachments/scan-image-pool';
import { toAppError } from '../errors';
import type { StableFile } from './folder-watch';

/** What a file in the watched folder is, learnt once from its bytes. */
export type FileAnalysis =
  | { kind: 'scan'; mediaType: ScanMediaType; pages: number; sheet: InboxSheet | null; address: string }
  | { kind: 'refused'; reason: Message; address: string | null };

/** Where a link is not followed when opened (O_NOFOLLOW; Windows has none, and chokidar reports no link there). */
const NO_LINK = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a file of the watched folder whole (at `path`: its name, or the working name it has while
 * filed), failing if it is no longer the file that was listed – or is not a regular file: a link
 * put in its place is never followed.
 */
export async function readListedFile(path: string, file: StableFile): Promise<Buffer> {
  const changed = () => new AppError('CONFLICT', { zh: `“${file.name}”在列出后又被改动，请稍候再试`, en: `“${file.name}” has changed since it was listed; try again in a moment` });
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_LINK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw changed();
    throw error;
  }
  try {
    const bytes = await handle.readFile();
    const now = await handle.stat();
    if (!now.isFile() || bytes.length !== file.size || now.size !== file.size || now.mtimeMs !== file.mtimeMs) throw changed();
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The first page's cover or separator code, if it has one (several: the first that is ours). */
async function sheetOf(bytes: Uint8Array, mediaType: ScanMediaType): Promise<InboxSheet | null> {
  let codes: string[];
  try {
    codes = await readPageCodes({ bytes: new Uint8Array(bytes), mediaType, page: 0 });
  } catch {
    // A page no decoder can draw has no code for us; filing will say what is wrong with it.
    return null;
  }
  for (const text of codes) {
    const code = parseScanCode(text);
    if (code?.kind === 'cover') return { kind: 'cover', archiveNumber: code.archiveNumber, checklistItemKey: code.checklistItemKey };
    if (code?.kind === 'separator') return { kind: 'separator' };
  }
  return null;
}

/**
 * A file's kind from its bytes (inspectScan: a file that is not a scan, or is damaged, is listed
 * with the reason), its pages, whether its first page is a cover or separator sheet, and its
 * content address (to tell a file filed before).
 */
export async function analyseFile(folder: string, file: StableFile, maxBytes: number, addressOf: (bytes: Uint8Array) => string): Promise<FileAnalysis> {
  if (file.size > maxBytes) {
    return { kind: 'refused', address: null, reason: { zh: `文件超过 ${formatByteLimit(maxBytes)}，不能归档`, en: `The file is larger than ${formatByteLimit(maxBytes)} and cannot be filed` } };
  }
  const bytes = await readListedFile(join(folder, file.name), file);
  const address = addressOf(bytes);
  try {
    const inspection = await inspectScan(bytes, file.name);
    return { kind: 'scan', mediaType: inspection.mediaType, pages: inspection.pages, sheet: await sheetOf(bytes, inspection.mediaType), address };
  } catch (error) {
    const refusal = toAppError(error);
    if (refusal.code !== 'VALIDATION') throw refusal;
    return { kind: 'refused', address, reason: { zh: refusal.messageZh, en: refusal.messageEn } };
  }
}
