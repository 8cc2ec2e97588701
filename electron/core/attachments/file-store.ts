import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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

/** Sealed bytes being written and fsynced at once: past either bound, `put` waits for a write to finish. */
const WRITES_AT_ONCE = 4;
const BYTES_IN_FLIGHT = 32 * 1024 * 1024;

interface Placement {
  temporary: string;
  path: string;
}

/** A file sealed (on a seal thread) under its content address, ready to be written. */
export interface SealedFile {
  address: string;
  sealed: Uint8Array;
  /** Bytes of plaintext. */
  size: number;
}

/**
 * Stores the files of one batch. Each, sealed on a seal thread, is written whole under a temporary
 * name and fsynced – several at once on libuv's thread pool, while the next files are read and sealed. Only
 * `finish` renames them into place and makes the renames durable, one fsync per folder; so the
 * database may then refer to any of them. `abandon` (a batch refused, a write failed) removes the
 * temporary files. Equal files are stored once: a whole copy already there is kept.
 */
export class ScanFileWriter {
  private readonly placements = new Map<string, Placement>();
  private readonly kept = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly writes = new Set<Promise<void>>();
  private bytesInFlight = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly root: string,
    private readonly keys: ScanKeys,
  ) {}

  /** The sealed file written durably under a temporary name (unless a whole copy is there already). */
  async put({ address, sealed, size }: SealedFile): Promise<void> {
    this.throwFailure();
    if (this.placements.has(address) || this.kept.has(address)) return;
    const path = storedPath(this.root, address);
    const folder = dirname(path);
    if (existsSync(path) && holdsWhole(path, this.keys, address, size)) {
      // A copy nobody may refer to yet (left by an interrupted filing) is about to be: made young, so that verify does not collect it meanwhile.
      const now = new Date();
      utimesSync(path, now, now);
      this.kept.add(address);
      this.folders.add(folder);
      return;
    }
    this.folders.add(folder);
    while (this.writes.size >= WRITES_AT_ONCE || (this.writes.size > 0 && this.bytesInFlight + sealed.length > BYTES_IN_FLIGHT)) await Promise.race(this.writes);
    this.throwFailure();
    const placement = { temporary: temporaryName(path), path };
    this.placements.set(address, placement);
    this.bytesInFlight += sealed.length;
    const write = writeDurably(placement.temporary, sealed).then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    const settled = write.finally(() => {
      this.bytesInFlight -= sealed.length;
      this.writes.delete(settled);
    });
    this.writes.add(settled);
  }

  /** Every file in place and the renames durable (and a new prefix folder in the store's own folder too). */
  async finish(): Promise<void> {
    await Promise.all(this.writes);
    try {
      this.throwFailure();
      const renames = await Promise.allSettled([...this.placements.values()].map((p) => rename(p.temporary, p.path)));
      const failed = renames.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } catch (error) {
      await this.abandon();
      throw error;
    }
    this.placements.clear();
    if (this.folders.size === 0) return;
    await Promise.all([...this.folders].map(syncFolder));
    await syncFolder(this.root);
    this.folders.clear();
  }

  /** The temporary files removed: nothing of the batch is put in place. */
  async abandon(): Promise<void> {
    await Promise.all(this.writes);
    const temporaries = [...this.placements.values()].map((p) => p.temporary);
    this.placements.clear();
    await Promise.all(temporaries.map((file) => rm(file, { force: true })));
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** A sibling name the store tells from a content address (listStoredFiles: a leftover of an interrupted write). */
function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
}

/** Written whole and fsynced – on the thread pool, so that several files' writes overlap. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await openNew(file);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A new file, owner-only; its prefix folder made first if the store has none yet (not asked of the disk for every file). */
async function openNew(file: string) {
  try {
    return await open(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    return await open(file, 'wx', 0o600);
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

function holdsWhole(path: string, keys: ScanKeys, address: string, size: number): boolean {
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

/** Every file in the store, including temporary ones a crash left behind. */
export function listStoredFiles(root: string): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prefixes: string[];
  try {
    prefixes = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  for (const prefix of prefixes) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(root, prefix))) {
      const path = join(root, prefix, name);
      const address = /^[0-9a-f]{62}$/.test(name) ? prefix + name : null;
      let modifiedAt: number;
      try {
        modifiedAt = statSync(path).mtimeMs;
      } catch (error) {
        // Renamed or removed since the folder was read (another program filing or collecting).
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      entries.push({ address, path, modifiedAt });
    }
  }
  return entries;
}

export function removeStoredFile(path: string): void {
  rmSync(path, { force: true });
}
