import { readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { openRecord, openStagedBytes, recordLayout, SLOT_BYTES, stagedFileDamaged, TAG_BYTES, type HeldInMemory, type StagedFileSource } from './staged-file-format';

async function openStaged(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw stagedFileGone(error as NodeJS.ErrnoException);
  }
}

/** The file was deleted, or (error null) its bytes held in memory were let go of. */
function stagedFileGone(error: NodeJS.ErrnoException | null): unknown {
  if (error !== null && error.code !== 'ENOENT') return error;
  return new AppError('NOT_FOUND', { zh: '暂存文件已不存在（已放弃，或档案库已锁定），请重新选择文件', en: 'The staged file is gone (discarded, or the archive was locked); choose the file again' }, error === null ? undefined : { cause: error });
}

/**
 * A file held in memory, copied: the reader's own bytes (the staging area's are shared with the
 * threads, and wiped when the file is discarded). Gone once forgotten (forgetStagedFile).
 */
function heldBytes(source: HeldInMemory): Buffer {
  requireStagedFile(source);
  return Buffer.from(source.held);
}

/** Refuses, before any work, a file whose held bytes were forgotten (one on disk is found gone when it is opened). */
export function requireStagedFile(source: StagedFileSource): void {
  if ('held' in source && source.held.byteLength !== source.size) throw stagedFileGone(null);
}

/** Records read from disk at once: a libuv round trip per 64 KiB record cost more than decrypting it. */
const RECORDS_PER_READ = 16;

/**
 * The plaintext of a staged file, a record (64 KiB) at a time, each verified before it is
 * yielded. Stops reading once `limit` bytes are out. Works in any thread: it needs only the source.
 */
export async function* readStagedFile(source: StagedFileSource, limit = source.size): AsyncGenerator<Buffer> {
  if ('held' in source) {
    if (limit > 0) yield heldBytes(source).subarray(0, limit);
    return;
  }
  const handle = await openStaged(source.path);
  try {
    const { records, plaintextBytes } = recordLayout((await handle.stat()).size);
    if (plaintextBytes !== source.size) throw stagedFileDamaged();
    const sealedBytes = source.size + records * TAG_BYTES;
    const block = Buffer.allocUnsafe(Math.min(RECORDS_PER_READ * SLOT_BYTES, sealedBytes));
    let out = 0;
    for (let first = 0; first < records && out < limit; first += RECORDS_PER_READ) {
      const start = first * SLOT_BYTES;
      const length = Math.min(block.length, sealedBytes - start);
      const { bytesRead } = await handle.read(block, 0, length, start);
      if (bytesRead !== length) throw stagedFileDamaged();
      for (let index = first, at = 0; at < length && out < limit; index += 1, at += SLOT_BYTES) {
        const plaintext = openRecord(source.key, index, index === records - 1, block.subarray(at, Math.min(at + SLOT_BYTES, length)));
        out += plaintext.length;
        yield plaintext;
      }
    }
  } finally {
    await handle.close();
  }
}

/** The plaintext as a byte stream (for parsers that take a stream); destroying it closes the file. */
export function stagedFileStream(source: StagedFileSource): Readable {
  return Readable.from(readStagedFile(source), { objectMode: false });
}

/**
 * The whole plaintext, every record verified, read at once: for a thread of its own (a seal thread
 * reads a scan once, and checks and stores the same bytes), where waiting for the disk holds up
 * nobody.
 */
export function readWholeStagedFileSync(source: StagedFileSource): Buffer {
  if ('held' in source) return heldBytes(source);
  let sealed: Buffer;
  try {
    sealed = readFileSync(source.path);
  } catch (error) {
    throw stagedFileGone(error as NodeJS.ErrnoException);
  }
  return openStagedBytes(source.key, source.size, sealed);
}

/** The first `count` bytes (or the whole file if shorter): enough to tell its format. */
export async function readStagedFileHead(source: StagedFileSource, count: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(source, count)) parts.push(part);
  return Buffer.concat(parts).subarray(0, count);
}
