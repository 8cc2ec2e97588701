import { createHash, randomBytes, randomUUID, type Hash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatByteLimit, STAGING_CHUNK_BYTES, stagingRules, type StagedFileInfo, type StagingPurpose } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { forgetStagedFile, KEY_BYTES, type StagedFileSource } from './staged-file-format';
import { StagedFileWriter } from './staged-file-writer';

/** A finished staged file: what its consumer reads (see staged-file-reader.ts; `source` also works in a worker). */
export interface StagedFile extends StagedFileInfo {
  readonly purpose: StagingPurpose;
  readonly source: StagedFileSource;
}

/** Told of a session's staged files as they come and go (the scans sealed ahead of their filing: SealAhead). */
export interface StagingObserver {
  begun(purpose: StagingPurpose): void;
  finished(file: StagedFile): void;
  /** Deleted – discarded, or given up unfinished; not told at `wipe` (the session's end has its own course). */
  discarded(stagedFileId: string): void;
}

export interface StagingLimits {
  /** Files staged at once, finished or not. */
  maxFiles: number;
  maxBytes: Record<StagingPurpose, number>;
  /** An upload that receives nothing for this long is dropped (a closed page, a crashed front door). */
  staleUploadMs: number;
  /** A file of at most this many bytes is held in memory, not written to disk (see StagingArea). */
  heldMaxBytes: number;
}

export const STAGING_LIMITS: StagingLimits = {
  // A scanned batch is filed at once (scan:add takes up to 200 files). Pages of one chunk wait in memory (at most 210 MiB), larger files encrypted on disk.
  maxFiles: 210,
  maxBytes: { import: stagingRules.import.maxBytes, scan: stagingRules.scan.maxBytes, restore: stagingRules.restore.maxBytes },
  staleUploadMs: 5 * 60_000,
  // One chunk: a scanned page (~300 KB) as a rule.
  heldMaxBytes: STAGING_CHUNK_BYTES,
};

interface Upload {
  readonly id: string;
  readonly purpose: StagingPurpose;
  readonly name: string;
  readonly size: number;
  readonly sink: UploadSink;
  readonly hash: Hash;
  received: number;
  lastWriteAt: number;
}

type Entry = { kind: 'upload'; upload: Upload } | { kind: 'finished'; file: StagedFile };

/** Where an upload's bytes go as they arrive. */
interface UploadSink {
  /** The file being written, or null when the bytes are held in memory. */
  readonly path: string | null;
  write(bytes: Uint8Array): void;
  /** Every byte has arrived: how the finished file is read. */
  finish(size: number): StagedFileSource;
  /** Closes what is open (deleting the file on disk is the area's). */
  close(): void;
  /** Wipes the key, or the bytes held: nothing of the file can be read any more. */
  forget(): void;
}

/** Sealed record by record into a file of its own under a random key (staged-file-format.ts). */
function fileSink(path: string): UploadSink {
  const key = randomBytes(KEY_BYTES);
  let writer: StagedFileWriter;
  try {
    writer = new StagedFileWriter(path, key);
  } catch (error) {
    key.fill(0);
    throw error;
  }
  return { path, write: (bytes) => writer.write(bytes), finish: (size) => (writer.finish(), { path, key, size }), close: () => writer.close(), forget: () => key.fill(0) };
}

/**
 * Kept in memory: a file that arrives in one chunk was wholly in memory as it arrived anyway. The
 * memory is shared, so that handing the file to a seal thread copies nothing on the core's thread.
 */
function heldSink(size: number): UploadSink {
  const held = new Uint8Array(new SharedArrayBuffer(size));
  let at = 0;
  return {
    path: null,
    write: (bytes) => {
      held.set(bytes, at);
      at += bytes.length;
    },
    finish: () => ({ held, size }),
    close: () => undefined,
    forget: () => forgetStagedFile({ held, size }),
  };
}

/**
 * The staged files of one session. A file of one chunk at most (heldMaxBytes) is held in memory
 * – a scanned page is then checked, sealed and written into the store from the bytes that came,
 * with no staged copy written and read back first; a larger one is written as it arrives, sealed
 * under its own key, into a folder of the session's own under the data folder's `staging/` (named
 * after this process, so a later start can tell a crashed run's leftovers from a running one's).
 * Keys and held bytes live here only: wiping the session forgets them all, and deletes the folder.
 */
export class StagingArea {
  private readonly entries = new Map<string, Entry>();
  private folder: string | null = null;

  constructor(
    private readonly root: string,
    private readonly now: () => number,
    private readonly limits: StagingLimits = STAGING_LIMITS,
    private readonly observer: StagingObserver | null = null,
  ) {}

  begin(purpose: StagingPurpose, name: string, size: number): string {
    this.dropStaleUploads();
    const maxBytes = this.limits.maxBytes[purpose];
    if (size > maxBytes) throw tooLarge(purpose, maxBytes);
    if (this.entries.size >= this.limits.maxFiles) {
      const max = this.limits.maxFiles;
      throw new AppError('CONFLICT', { zh: `同时暂存的文件过多（最多 ${max} 个），请先完成或取消其他文件`, en: `Too many files are staged at once (at most ${max}); finish or cancel the others first` });
    }
    this.observer?.begun(purpose);
    const id = randomUUID();
    let sink: UploadSink;
    try {
      sink = size <= this.limits.heldMaxBytes ? heldSink(size) : fileSink(join(this.ensureFolder(), id));
    } catch (error) {
      throw stagingWriteFailure(error);
    }
    this.entries.set(id, { kind: 'upload', upload: { id, purpose, name, size, sink, hash: createHash('sha256'), received: 0, lastWriteAt: this.now() } });
    return id;
  }

  /** Takes the chunk that starts at `offset`; a lost or repeated chunk is refused and the upload can go on from where it is. */
  append(id: string, offset: number, bytes: Uint8Array): number {
    const upload = this.upload(id);
    if (offset !== upload.received) {
      throw new AppError('CONFLICT', {
        zh: `分块位置不符：应从第 ${upload.received} 字节续传，收到的是第 ${offset} 字节（有分块丢失或重复）`,
        en: `Wrong chunk offset: expected byte ${upload.received}, got ${offset} (a chunk was lost or sent twice)`,
      });
    }
    // The declared size is at most the purpose's limit; more bytes than declared end the upload.
    if (upload.received + bytes.length > upload.size) {
      this.discard(id);
      throw new AppError('VALIDATION', {
        zh: `收到的数据超过了声明的文件大小（${upload.size} 字节），文件已放弃`,
        en: `More bytes arrived than the declared size (${upload.size} bytes); the file was discarded`,
      });
    }
    this.writeOrDiscard(upload, () => upload.sink.write(bytes));
    upload.hash.update(bytes);
    upload.received += bytes.length;
    upload.lastWriteAt = this.now();
    return upload.received;
  }

  finish(id: string): StagedFileInfo {
    const upload = this.upload(id);
    if (upload.received < upload.size) {
      throw new AppError('CONFLICT', { zh: `文件不完整：只收到 ${upload.received} / ${upload.size} 字节`, en: `The file is incomplete: ${upload.received} of ${upload.size} bytes arrived` });
    }
    const source = this.writeOrDiscard(upload, () => upload.sink.finish(upload.size));
    const file: StagedFile = {
      stagedFileId: id,
      name: upload.name,
      size: upload.size,
      sha256: upload.hash.digest('hex'),
      purpose: upload.purpose,
      source,
    };
    this.entries.set(id, { kind: 'finished', file });
    this.observer?.finished(file);
    return { stagedFileId: file.stagedFileId, name: file.name, size: file.size, sha256: file.sha256 };
  }

  /** Deletes the file and forgets its key; false if there was no such file. */
  discard(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    try {
      if (entry.kind === 'upload') entry.upload.sink.close();
      const path = pathOf(entry);
      if (path !== null) rmSync(path, { force: true });
    } finally {
      forget(entry);
      this.observer?.discarded(id);
    }
    return true;
  }

  /** For a consumer: the finished file `id`, staged for `purpose`. */
  get(id: string, purpose: StagingPurpose): StagedFile {
    this.dropStaleUploads();
    const entry = this.entries.get(id);
    if (!entry) throw unknownFile();
    if (entry.kind === 'upload') throw new AppError('CONFLICT', { zh: '文件尚未传完', en: 'The file has not been staged completely yet' });
    if (entry.file.purpose !== purpose) {
      const wanted = stagingRules[purpose].label;
      throw new AppError('VALIDATION', { zh: `这个文件不是作为${wanted.zh}暂存的`, en: `The file was not staged as: ${wanted.en}` });
    }
    return entry.file;
  }

  /** At lock, sign-out and shutdown: every key forgotten, every file and the folder deleted. */
  wipe(): void {
    const entries = [...this.entries.values()];
    const folder = this.folder;
    this.entries.clear();
    this.folder = null;
    // Keys and held bytes first: whatever happens next, nothing left can be read any more.
    for (const entry of entries) forget(entry);
    try {
      for (const entry of entries) if (entry.kind === 'upload') entry.upload.sink.close();
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  }

  private upload(id: string): Upload {
    this.dropStaleUploads();
    const entry = this.entries.get(id);
    if (!entry) throw unknownFile();
    if (entry.kind === 'finished') throw new AppError('CONFLICT', { zh: '文件已传完，不能再追加', en: 'The file is already complete; nothing more can be added' });
    return entry.upload;
  }

  private dropStaleUploads(): void {
    const before = this.now() - this.limits.staleUploadMs;
    for (const entry of [...this.entries.values()]) if (entry.kind === 'upload' && entry.upload.lastWriteAt < before) this.discard(entry.upload.id);
  }

  private writeOrDiscard<T>(upload: Upload, write: () => T): T {
    try {
      return write();
    } catch (error) {
      this.discard(upload.id);
      throw stagingWriteFailure(error);
    }
  }

  private ensureFolder(): string {
    if (!this.folder) {
      const folder = join(this.root, `${process.pid}-${randomBytes(6).toString('hex')}`);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      this.folder = folder;
    }
    return this.folder;
  }
}

/** A full disk told as such (scans sealed ahead take room beside the staged files); anything else as it is. */
function stagingWriteFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code !== 'ENOSPC' && code !== 'EDQUOT') return error;
  return new AppError('DISK_FULL', { zh: '数据文件夹所在的磁盘已满，文件未能暂存', en: 'The data folder’s disk is full; the file could not be staged' }, { cause: error });
}

function forget(entry: Entry): void {
  if (entry.kind === 'upload') entry.upload.sink.forget();
  else forgetStagedFile(entry.file.source);
}

/** The file on disk, if it is not held in memory. */
function pathOf(entry: Entry): string | null {
  if (entry.kind === 'upload') return entry.upload.sink.path;
  return 'path' in entry.file.source ? entry.file.source.path : null;
}

function unknownFile(): AppError {
  return new AppError('NOT_FOUND', { zh: '暂存文件不存在或已过期，请重新选择文件', en: 'The staged file does not exist or has expired; choose the file again' });
}

function tooLarge(purpose: StagingPurpose, maxBytes: number): AppError {
  const { label } = stagingRules[purpose];
  return new AppError('VALIDATION', { zh: `${label.zh}不能超过 ${formatByteLimit(maxBytes)}`, en: `${label.en}: at most ${formatByteLimit(maxBytes)} per file` });
}
