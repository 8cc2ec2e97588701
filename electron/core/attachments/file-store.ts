import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncDirectory, writeFileAtomic } from '../fs/atomic-write';
import { deriveSubkey } from '../vault/subkeys';
import { contentAddress, openSealedFile, sealedSize, sealFile, SealBroken } from './sealed-file';

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

export function wipeScanKeys(keys: ScanKeys): void {
  keys.name.fill(0);
  keys.content.fill(0);
}

const ADDRESS = /^[0-9a-f]{64}$/;

export function storedPath(root: string, address: string): string {
  if (!ADDRESS.test(address)) throw new Error(`not a content address: ${address}`);
  return join(root, address.slice(0, 2), address.slice(2));
}

/**
 * Stores files of one batch. Each is written whole (temporary name, fsync, rename) unless a whole
 * copy is there already (equal files are stored once); `finish` then makes the renames durable,
 * one fsync per folder – before the database may refer to any of them.
 */
export class ScanFileWriter {
  private readonly folders = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly keys: ScanKeys,
  ) {}

  /** The content address of `plaintext`, stored. */
  put(plaintext: Uint8Array): string {
    const address = contentAddress(this.keys.name, plaintext);
    const path = storedPath(this.root, address);
    const folder = join(this.root, address.slice(0, 2));
    if (existsSync(path) && holdsWhole(path, this.keys, address, plaintext.length)) {
      // A copy nobody may refer to yet (left by an interrupted filing) is about to be: made young, so that verify does not collect it meanwhile.
      const now = new Date();
      utimesSync(path, now, now);
      this.folders.add(folder);
      return address;
    }
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileAtomic(path, sealFile(this.keys.content, address, plaintext), { syncFolder: false });
    this.folders.add(folder);
    return address;
  }

  /** Every rename durable (and a new prefix folder in the store's own folder too). */
  finish(): void {
    if (this.folders.size === 0) return;
    for (const folder of this.folders) fsyncDirectory(folder);
    fsyncDirectory(this.root);
    this.folders.clear();
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
