import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { deriveSubkey } from '../vault/subkeys';
import { openSealedFile, sealedSize, SealBroken } from './sealed-file';

/**
 * The encrypted file store of an archive's scans: `scans/ab/cdef…`, one file per distinct
 * content, named by its content address. A file is written whole (temporary name, fsync, rename,
 * fsync of the folder) before the database refers to it; so a crash leaves at worst a file nobody
 * refers to, which `collectOrphans` removes later. Nothing decrypted is ever written.
 */
export interface ScanKeys {
  name: Buffer;
  content: Buffer;
}

export function scanKeys(dataKey: Uint8Array): ScanKeys {
  return { name: deriveSubkey(dataKey, 'attachment-name'), content: deriveSubkey(dataKey, 'attachment-content') };
}

const KEY_BYTES = 32;

/**
 * The store's keys in memory shared with the seal threads (a SharedArrayBuffer is not copied when
 * sent): wipeScanKeys wipes them there too, at once.
 */
export function sharedScanKeys(dataKey: Uint8Array): ScanKeys & { shared: SharedArrayBuffer } {
  const shared = new SharedArrayBuffer(2 * KEY_BYTES);
  const keys = scanKeysIn(shared);
  const derived = scanKeys(dataKey);
  derived.name.copy(keys.name);
  derived.content.copy(keys.content);
  wipeScanKeys(derived);
  return { ...keys, shared };
}

/** The keys in shared memory (sharedScanKeys), as views: no copy of them is made. */
export function scanKeysIn(shared: SharedArrayBuffer): ScanKeys {
  return { name: Buffer.from(shared, 0, KEY_BYTES), content: Buffer.from(shared, KEY_BYTES, KEY_BYTES) };
}

export function wipeScanKeys(keys: ScanKeys): void {
  keys.name.fill(0);
  keys.content.fill(0);
}

const ADDRESS = /^[0-9a-f]{64}$/;

export function storedPath(root: string, address: string): string {
  if (!ADDRESS.test(address)) throw new Error(`not a content address: ${address}`);
  return join(root, address.slice(0, 2), address.slice(2));
}

/** A file sealed under its content address, ready to be written. */
export interface SealedFile {
  address: string;
  sealed: Uint8Array;
  /** Bytes of plaintext. */
  size: number;
}

/** A sealed file written durably under a temporary name – or `temporary` null: a whole copy was in place already (and is kept). */
export interface WrittenFile {
  address: string;
  temporary: string | null;
}

/**
 * The sealed file written whole under the temporary name its batch gave it (ScanFileWriter.name),
 * and fsynced – on a seal thread, which does nothing else meanwhile (its big buffers never reach the
 * core's thread). A whole copy already in place is kept instead; a damaged one will be replaced by
 * this one at `finish`.
 */
export function writeSealedFile(root: string, keys: Pick<ScanKeys, 'content'>, { address, sealed, size }: SealedFile, temporary: string): WrittenFile {
  const path = storedPath(root, address);
  if (existsSync(path) && holdsWhole(path, keys, address, size)) {
    // A copy nobody may refer to yet (left by an interrupted filing) is about to be: made young, so that verify does not collect it meanwhile.
    const now = new Date();
    utimesSync(path, now, now);
    return { address, temporary: null };
  }
  try {
    const descriptor = openNew(temporary);
    try {
      writeAll(descriptor, sealed);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    rmSync(temporary, { force: true });
    throw storeWriteFailure(error);
  }
  return { address, temporary };
}

/** A write the store's disk refused, told as such (it happens on a seal thread, whose other failures are told as "not sealed"). */
function storeWriteFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('DISK_FULL', { zh: '数据文件夹所在的磁盘已满：本批扫描件均未归档', en: 'The data folder’s disk is full: none of the batch’s scans was filed' }, { cause: error });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new AppError('READ_ONLY', { zh: '无法写入数据文件夹（没有权限或只读）：本批扫描件均未归档', en: 'Cannot write to the data folder (no permission, or read-only): none of the batch’s scans was filed' }, { cause: error });
  return error;
}

function writeAll(descriptor: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(descriptor, bytes, at, bytes.length - at);
}

/** A new file, owner-only; its folder made first if there is none yet (not asked of the disk for every file). */
function openNew(file: string): number {
  try {
    return openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    return openSync(file, 'wx', 0o600);
  }
}

/**
 * Puts the files of one batch in place. Each was written durably by a seal thread
 * (`writeSealedFile`) under a temporary name the writer gave it (`name`); only `finish` renames
 * them into place and makes the renames durable, one fsync per folder – so the database may then
 * refer to any of them. `abandon` (a batch refused, a write failed) removes every temporary file
 * named – also one whose thread never answered (given up mid-write). Equal files are stored once:
 * a second copy in the same batch is removed, a whole copy already in place is kept.
 */
export class ScanFileWriter {
  /** Temporary names given out and not yet handed back by `accept`. */
  private readonly named = new Set<string>();
  /** Content address → the temporary file to be put in its place. */
  private readonly placements = new Map<string, string>();
  /** Temporary files not to be put in place (another copy of the same content is). */
  private readonly spare: string[] = [];
  private readonly kept = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(readonly root: string) {}

  /** A new temporary name for a file of this batch (temporaryName). */
  name(): string {
    return this.own(temporaryName(this.root));
  }

  /** A temporary name given out elsewhere (a scan sealed ahead: SealAhead) that is this batch's to put in place or remove from now on. */
  own(temporary: string): string {
    this.named.add(temporary);
    return temporary;
  }

  /** A file a seal thread wrote for this batch (or found in place already: `temporary` null). */
  accept({ address, temporary }: WrittenFile): void {
    this.folders.add(dirname(storedPath(this.root, address)));
    if (temporary !== null) this.named.delete(temporary);
    if (temporary === null) this.kept.add(address);
    else if (this.placements.has(address) || this.kept.has(address)) this.spare.push(temporary);
    else this.placements.set(address, temporary);
  }

  /**
   * Every file in place and the renames durable (and a new prefix folder in the store's own folder
   * too). A rename failing midway leaves those done before it in place, recorded nowhere: verify
   * collects them like any leftover; the others' temporary files are removed.
   */
  async finish(): Promise<void> {
    try {
      const renames = await Promise.allSettled(
        [...this.placements].map(async ([address, temporary]) => {
          if (!(await putInPlace(temporary, storedPath(this.root, address)))) this.spare.push(temporary);
        }),
      );
      const failed = renames.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (error) {
      await this.abandon();
      throw storeWriteFailure(error);
    }
    this.placements.clear();
    // Names whose files were found in place already, or whose writing failed and was done again: nothing should be there.
    this.spare.push(...this.named);
    this.named.clear();
    await this.removeSpare();
    if (this.folders.size === 0) return;
    try {
      await Promise.all([...this.folders].map(syncFolder));
      await syncFolder(this.root);
    } catch (error) {
      throw storeWriteFailure(error);
    }
    this.folders.clear();
  }

  /** The temporary files removed: nothing of the batch is put in place. Never fails: the batch's own failure is what is told. */
  async abandon(): Promise<void> {
    this.spare.push(...this.placements.values(), ...this.named);
    this.placements.clear();
    this.named.clear();
    await this.removeSpare();
  }

  /** A temporary file that cannot be removed (a virus scanner holding it, say) stays a leftover verify collects. */
  private async removeSpare(): Promise<void> {
    const files = this.spare.splice(0);
    await Promise.allSettled(files.map((file) => rm(file, { force: true })));
  }
}

/**
 * A temporary file renamed to its place, the place's prefix folder made first if the store has
 * none yet. False when it was not, because a file is in place already that may not be replaced:
 * the same content, filed by another batch since this one sealed it (a place is named by the keyed
 * hash of the content), written whole as every file is. Windows refuses to rename over a file that
 * another program – a virus scanner – holds open; the copy in place serves, and verify checks it.
 */
async function putInPlace(temporary: string, path: string): Promise<boolean> {
  try {
    await rename(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'EPERM' || code === 'EACCES' || code === 'EBUSY') && existsSync(path)) return false;
    if (code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await rename(temporary, path);
    return true;
  }
}

/** Makes the renames in a folder durable (Windows cannot open a folder to fsync it). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function holdsWhole(path: string, keys: Pick<ScanKeys, 'content'>, address: string, size: number): boolean {
  try {
    openSealedFile(keys.content, address, readFileSync(path), size);
    return true;
  } catch (error) {
    if (error instanceof SealBroken) return false; // A damaged copy is replaced by the good one.
    throw error;
  }
}

/** The plaintext of a stored file (or its first `limit` bytes), verified; SealBroken when missing or damaged. */
export function readStoredFile(root: string, keys: Pick<ScanKeys, 'content'>, address: string, size: number, limit?: number): Buffer {
  let sealed: Buffer;
  try {
    sealed = readFileSync(storedPath(root, address));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SealBroken('missing');
    throw error;
  }
  return openSealedFile(keys.content, address, sealed, size, limit);
}

/** Whether the file is there with the size its record says (cheap; `readStoredFile` checks the content). */
export function storedFileLooksWhole(root: string, address: string, size: number): boolean {
  try {
    return statSync(storedPath(root, address)).size === sealedSize(size);
  } catch {
    return false;
  }
}

export interface StoredEntry {
  /** The content address, or null for a temporary file left by an interrupted write. */
  address: string | null;
  path: string;
  modifiedAt: number;
}

/**
 * A new temporary name for a sealed file on its way into the store, in the store's own folder
 * (listStoredFiles sees what an interruption leaves there, and verify collects it after an hour).
 */
export function temporaryName(root: string): string {
  return join(root, `.${randomUUID()}.tmp`);
}

/**
 * A file written a while ago (a scan sealed ahead of its filing) made young again just before
 * its filing puts it in place or refers to it – so that verify does not collect it meanwhile;
 * false when it is gone (collected after an hour, or erased since) or cannot be touched (the disk
 * read-only since): it must be written again, and that write says what is wrong.
 */
export async function touchWritten(root: string, { address, temporary }: WrittenFile): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(temporary ?? storedPath(root, address), now, now);
    return true;
  } catch {
    return false;
  }
}

/** A temporary file of a batch, in the store's own folder (temporaryName). */
const TEMPORARY = /^\.[0-9a-f-]{36}\.tmp$/;

/** Every file in the store, including temporary ones a crash left behind (beside the prefix folders, or in them from older versions). */
export function listStoredFiles(root: string): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const add = (path: string, address: string | null): void => {
    try {
      entries.push({ address, path, modifiedAt: statSync(path).mtimeMs });
    } catch (error) {
      // Renamed or removed since the folder was read (another program filing or collecting).
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  };
  for (const name of names) {
    if (TEMPORARY.test(name)) add(join(root, name), null);
    if (!/^[0-9a-f]{2}$/.test(name)) continue;
    for (const rest of readdirSync(join(root, name))) add(join(root, name, rest), /^[0-9a-f]{62}$/.test(rest) ? name + rest : null);
  }
  return entries;
}

export function removeStoredFile(path: string): void {
  rmSync(path, { force: true });
}
