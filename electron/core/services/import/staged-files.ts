import { randomUUID } from 'node:crypto';
import type { ImportEncoding, ImportPreview, ImportProgress, ImportTarget } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { MAX_STAGED_IMPORTS, type StagedImport } from '../../staged-import';
import { readStagedFileHead } from '../../staging/staged-file-reader';
import type { StagedFile } from '../../staging/staging-area';
import { requireType } from '../types/type-catalog';
import { suggestMapping } from './import-mapping';
import { countLines, detectEncoding, formatOf, readRows } from './read-sheet';

const SAMPLE_ROWS = 10;

export function requireStaged(session: ActiveSession, importId: string): StagedImport {
  const staged = session.stagedImports.get(importId);
  if (!staged) throw new AppError('NOT_FOUND', { zh: '导入文件已失效，请重新选择文件', en: 'The import file is no longer open; choose it again' });
  return staged;
}

/**
 * Opens a staged CSV or .xlsx for import: format and encoding, headers, the first rows and the row
 * count. Every later step reads this staged copy – the file checked is the file imported – and
 * the audit trail names its SHA-256. At most a few files are open per session.
 */
export async function openImport(ctx: HandlerContext, input: { stagedFileId: string; encoding?: ImportEncoding | undefined }): Promise<ImportPreview> {
  const session = ctx.session();
  const file = session.stagedFiles.get(input.stagedFileId, 'import');
  try {
    return await openStagedFile(session, file, input.encoding);
  } catch (error) {
    // A file that cannot be opened is of no further use – unless another opening still reads it.
    if (![...session.stagedImports.values()].some((open) => open.stagedFileId === file.stagedFileId)) session.stagedFiles.discard(file.stagedFileId);
    throw error;
  }
}

async function openStagedFile(session: ActiveSession, file: StagedFile, chosenEncoding: ImportEncoding | undefined): Promise<ImportPreview> {
  if (file.size === 0) throw new AppError('VALIDATION', { zh: '文件是空的', en: 'The file is empty' });
  const fileName = file.name;
  const head = await readStagedFileHead(file.source, 64 * 1024);
  const format = formatOf(fileName, head);
  const detectedEncoding = format === 'csv' ? detectEncoding(head) : null;
  const encoding = format === 'csv' ? (chosenEncoding ?? detectedEncoding) : null;
  const staged: StagedImport = { id: randomUUID(), fileName, format, stagedFileId: file.stagedFileId, source: file.source, sha256: file.sha256, encoding, progress: { phase: 'reading', done: 0, total: 0 }, cancelRequested: false };

  let headers: string[] | null = null;
  const sample: string[][] = [];
  let rowCount = 0;
  // The readers say what is wrong with a file, by row and column where there is one.
  // A CSV is only sampled here (its rows are counted on the bytes); an .xlsx is read through.
  for await (const { cells } of readRows(staged, encoding)) {
    if (headers === null) headers = cells.map((c) => c.trim());
    else {
      rowCount += 1;
      if (sample.length < SAMPLE_ROWS) sample.push(cells);
      else if (format === 'csv') break;
    }
  }
  if (format === 'csv' && sample.length === SAMPLE_ROWS) rowCount = Math.max(rowCount, (await countLines(staged)) - 1);
  if (!headers) throw new AppError('VALIDATION', { zh: '文件中没有表头行', en: 'The file has no header row' });
  const duplicate = headers.find((h, i) => h !== '' && headers?.indexOf(h) !== i);
  if (duplicate !== undefined) throw new AppError('VALIDATION', { zh: `表头“${duplicate}”出现了两次`, en: `The header "${duplicate}" appears twice` });

  staged.progress = { phase: 'reading', done: rowCount, total: rowCount };
  // Room for this one: the oldest openings are forgotten – never one whose import is running.
  const idle = [...session.stagedImports.values()].filter((open) => open.progress.phase !== 'checking' && open.progress.phase !== 'writing');
  for (const open of idle.slice(0, Math.max(0, session.stagedImports.size - MAX_STAGED_IMPORTS + 1))) forget(session, open.id);
  session.stagedImports.set(staged.id, staged);
  return { importId: staged.id, fileName, format, detectedEncoding, encoding, headers, sample, rowCount };
}

export async function headersOf(staged: StagedImport, encoding: ImportEncoding | null): Promise<string[]> {
  for await (const { cells } of readRows(staged, encoding)) return cells.map((c) => c.trim());
  return [];
}

export async function suggestImportMapping(ctx: HandlerContext, input: { importId: string; typeKey: string }): Promise<Record<string, ImportTarget>> {
  const session = ctx.session();
  const staged = requireStaged(session, input.importId);
  const { definition } = requireType(session.archive.database.db, input.typeKey);
  return suggestMapping(await headersOf(staged, staged.encoding), definition);
}

export function importProgress(ctx: HandlerContext, importId: string): ImportProgress {
  return requireStaged(ctx.session(), importId).progress;
}

export function cancelImport(ctx: HandlerContext, importId: string): { cancelling: boolean } {
  const staged = requireStaged(ctx.session(), importId);
  const running = staged.progress.phase === 'checking' || staged.progress.phase === 'writing';
  if (running) staged.cancelRequested = true;
  return { cancelling: running };
}

export function closeImport(ctx: HandlerContext, importId: string): { closed: boolean } {
  return { closed: forget(ctx.session(), importId) };
}

/**
 * Forgets an opened import and discards its staged file – unless another opening (the same file
 * read with another encoding) still reads it.
 */
function forget(session: ActiveSession, importId: string): boolean {
  const staged = session.stagedImports.get(importId);
  if (!staged) return false;
  session.stagedImports.delete(importId);
  if (![...session.stagedImports.values()].some((other) => other.stagedFileId === staged.stagedFileId)) session.stagedFiles.discard(staged.stagedFileId);
  return true;
}
