import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { openRecord, RECORD_BYTES, recordLayout, SLOT_BYTES, stagedFileDamaged, TAG_BYTES, type StagedFileSource } from './staged-file-format';

async function openStaged(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new AppError('NOT_FOUND', { zh: '暂存文件已不存在（已放弃，或档案库已锁定），请重新选择文件', en: 'The staged file is gone (discarded, or the archive was locked); choose the file again' }, { cause: error });
  }
}

/**
 * The plaintext of a staged file, a record (64 KiB) at a time, each verified before it is
 * yielded. Stops reading once `limit` bytes are out. Works in any thread: it needs only the source.
 */
export async function* readStagedFile(source: StagedFileSource, limit = source.size): AsyncGenerator<Buffer> {
  const handle = await openStaged(source.path);
  try {
    const { records, plaintextBytes } = recordLayout((await handle.stat()).size);
    if (plaintextBytes !== source.size) throw stagedFileDamaged();
    const slot = Buffer.alloc(SLOT_BYTES);
    let out = 0;
    for (let index = 0; index < records && out < limit; index += 1) {
      const last = index === records - 1;
      const length = last ? source.size - index * RECORD_BYTES + TAG_BYTES : SLOT_BYTES;
      const { bytesRead } = await handle.read(slot, 0, length, index * SLOT_BYTES);
      if (bytesRead !== length) throw stagedFileDamaged();
      const plaintext = openRecord(source.key, index, last, slot.subarray(0, length));
      out += plaintext.length;
      yield plaintext;
    }
  } finally {
    await handle.close();
  }
}

/** The plaintext as a byte stream (for parsers that take a stream); destroying it closes the file. */
export function stagedFileStream(source: StagedFileSource): Readable {
  return Readable.from(readStagedFile(source), { objectMode: false });
}

/** The first `count` bytes (or the whole file if shorter): enough to tell its format. */
export async function readStagedFileHead(source: StagedFileSource, count: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readStagedFile(source, count)) parts.push(part);
  return Buffer.concat(parts).subarray(0, count);
}
