import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanImageSizes, type ScanImageSize } from '../../../shared/contract/scan';
import { writeFileAtomic } from '../fs/atomic-write';
import { listStoredFiles, removeStoredFile, storedPath, type ScanKeys } from './file-store';
import { HEADER_BYTES, openSealedFile, RECORD_BYTES, SealBroken, sealedSize, sealFile } from './sealed-file';

/**
 * Page images and thumbnails made from a stored original ("derived files") are kept in the same
 * encrypted store, as a cache that needs no database row:
 *
 *   address = HMAC-SHA256(attachment-name key, "derived:v1:<original's address>:<page in file>:<size>")
 *
 * sealed with sealFile like any stored file (the plaintext is the image, a JPEG). Knowing the
 * original, a page and a size, the core finds the file again; without the key its name says
 * nothing, and it cannot be told from an original. Whoever keeps the store tidy derives the same
 * addresses from every original the database knows (`derivedAddressesOf`): they are not orphans.
 * A derived file that is missing or fails its check is simply made again, and it is never the
 * archive's damage. Changing how images are made (a size, the format) means a new version in the
 * text above: the old files are then nobody's and are collected like any orphan.
 */
const SCHEME = 'derived:v1';

export function derivedAddress(nameKey: Uint8Array, original: string, page: number, size: ScanImageSize): string {
  return createHmac('sha256', nameKey).update(`${SCHEME}:${original}:${page}:${size}`).digest('hex');
}

/** Every address a derived file of these originals may have: each page in each size. */
export function derivedAddressesOf(nameKey: Uint8Array, originals: Iterable<{ address: string; pages: number }>): Set<string> {
  const addresses = new Set<string>();
  for (const original of originals) {
    for (let page = 0; page < original.pages; page += 1) for (const size of scanImageSizes) addresses.add(derivedAddress(nameKey, original.address, page, size));
  }
  return addresses;
}

const TAG_BYTES = sealedSize(0) - HEADER_BYTES;

/**
 * The plaintext size a sealed file of this length holds, or null when no plaintext gives this
 * length. No record keeps a derived file's size; its length is enough, since each record's tag
 * also covers whether it is the last – a file cut at a record's edge fails like any other cut.
 */
export function plaintextSizeOf(sealedLength: number): number | null {
  const body = sealedLength - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const size = body - Math.ceil(body / (RECORD_BYTES + TAG_BYTES)) * TAG_BYTES;
  return sealedSize(size) === sealedLength ? size : null;
}

/** A derived file's plaintext, verified; null when it is not there or fails its check (then it is made again). */
export function readDerivedFile(root: string, contentKey: Uint8Array, address: string): Buffer | null {
  let sealed: Buffer;
  try {
    sealed = readFileSync(storedPath(root, address));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const size = plaintextSizeOf(sealed.length);
  if (size === null) return null;
  try {
    return openSealedFile(contentKey, address, sealed, size);
  } catch (error) {
    if (error instanceof SealBroken) return null;
    throw error;
  }
}

/**
 * Stores a derived file under its address (replacing a damaged one). Not fsynced: a cache may be
 * lost in a power cut – it is made again – but the rename still means it is never seen half written.
 */
export function writeDerivedFile(root: string, keys: Pick<ScanKeys, 'content'>, address: string, plaintext: Uint8Array): void {
  mkdirSync(join(root, address.slice(0, 2)), { recursive: true, mode: 0o700 });
  writeFileAtomic(storedPath(root, address), sealFile(keys.content, address, plaintext), { durable: false });
}

/** Removes the derived files among `derived` that fail their check (verify: they are made again when next asked for). */
export function removeDamagedDerivedFiles(root: string, contentKey: Uint8Array, derived: ReadonlySet<string>): number {
  let removed = 0;
  for (const entry of listStoredFiles(root)) {
    if (entry.address === null || !derived.has(entry.address) || readDerivedFile(root, contentKey, entry.address) !== null) continue;
    try {
      removeStoredFile(entry.path);
      removed += 1;
    } catch {
      // A folder that cannot be written keeps it: failing its check, it is never served; the page is drawn afresh each time.
    }
  }
  return removed;
}
