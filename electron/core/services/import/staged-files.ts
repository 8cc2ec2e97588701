import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportEncoding, ImportPreview, ImportProgress, ImportTarget } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import type { ActiveSession } from '../../session';
import { MAX_STAGED_IMPORTS, type StagedImport } from '../../staged-import';
import { requireType } from '../types/type-catalog';
import { suggestMapping } from './import-mapping';
import { countLines, detectEncoding, formatOf, readRows } from './read-sheet';

/** Large enough for any archive's sheet, small enough not to exhaust memory by mistake. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;
const SAMPLE_ROWS = 10;

function headOf(source: StagedImport['source']): { head: Uint8Array; size: number } {
  if ('bytes' in source) return { head: source.bytes.subarray(0, 64 * 1024), size: source.bytes.length };
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    throw new AppError('NOT_FOUND', { zh: `找不到文件 ${source.path}`, en: `There is no file ${source.path}` });
  }
  const head = Buffer.alloc(Math.min(size, 64 * 1024));
  const fd = openSync(source.path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return { head, size };
}

async function digest(source: StagedImport['source']): Promise<string> {
  const hash = createHash('sha256');
  if ('bytes' in source) return hash.update(source.bytes).digest('hex');
  for await (const chunk of createReadStream(source.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function requireStaged(session: ActiveSession, importId: string): StagedImport {
  const staged = session.stagedImports.get(importId);
  if (!staged) throw new AppError('NOT_FOUND', { zh: '导入文件已失效，请重新选择文件', en: 'The import file is no longer open; choose it again' });
  return staged;
}

/**
 * Opens a CSV or .xlsx for import: format and encoding, headers, the first rows and the row
 * count. The file stays staged in memory for this session (at most a few at a time).
 */
export async function openImport(ctx: HandlerContext, input: { source: { path: string } | { name: string; bytes: Uint8Array }; encoding?: ImportEncoding | undefined }): Promise<ImportPreview> {
  const session = ctx.session();
  const fileName = 'path' in input.source ? basename(input.source.path) : input.source.name;
  const source = 'path' in input.source ? { path: input.source.path } : { bytes: input.source.bytes };
  const { head, size } = headOf(source);
  if (size === 0) throw new AppError('VALIDATION', { zh: '文件是空的', en: 'The file is empty' });
  if (size > MAX_FILE_BYTES) throw new AppError('VALIDATION', { zh: '文件超过 512 MB，请分批导入', en: 'The file is larger than 512 MB; import it in parts' });
  const format = formatOf(fileName, head);
  const detectedEncoding = format === 'csv' ? detectEncoding(head) : null;
  const encoding = format === 'csv' ? (input.encoding ?? detectedEncoding) : null;
  const staged: StagedImport = { id: randomUUID(), fileName, format, source, sha256: await digest(source), encoding, progress: { phase: 'reading', done: 0, total: 0 }, cancelRequested: false };

  let headers: string[] | null = null;
  const sample: string[][] = [];
  let rowCount = 0;
  try {
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
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', { zh: `无法读取文件：${(error as Error).message}`, en: `The file cannot be read: ${(error as Error).message}` });
  }
  if (!headers) throw new AppError('VALIDATION', { zh: '文件中没有表头行', en: 'The file has no header row' });
  const duplicate = headers.find((h, i) => h !== '' && headers?.indexOf(h) !== i);
  if (duplicate !== undefined) throw new AppError('VALIDATION', { zh: `表头“${duplicate}”出现了两次`, en: `The header "${duplicate}" appears twice` });

  staged.progress = { phase: 'reading', done: rowCount, total: rowCount };
  for (const id of [...session.stagedImports.keys()].slice(0, Math.max(0, session.stagedImports.size - MAX_STAGED_IMPORTS + 1))) session.stagedImports.delete(id);
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
  return { closed: ctx.session().stagedImports.delete(importId) };
}
