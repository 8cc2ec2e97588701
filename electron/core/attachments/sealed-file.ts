import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * How a stored scan lies on disk: encrypted, authenticated, and bound to its name.
 *
 *   file     = MAGIC (4) ‖ salt (32) ‖ record 0 ‖ record 1 ‖ …
 *   record i = AES-256-GCM ciphertext of plaintext bytes [i·64 KiB, (i+1)·64 KiB) ‖ tag (16)
 *
 * Each file has its own key, derived from the archive's content key and the file's random salt,
 * so record indexes can serve as nonces without any nonce ever repeating under a key. A record's
 * associated data holds the file's content address, its index and whether it is the last: a record
 * moved, dropped or altered, a file cut short or lengthened, or a file put in another's place fails
 * its tag. Records let a reader stop early (a file's head) without holding the whole file.
 */
export const MAGIC = Buffer.from('DDS1', 'ascii');
const SALT_BYTES = 32;
export const HEADER_BYTES = MAGIC.length + SALT_BYTES;
export const RECORD_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SLOT_BYTES = RECORD_BYTES + TAG_BYTES;
const CONTEXT = Buffer.from('dossierdesk/attachment/v1', 'ascii');

/** The content address of a file: a keyed hash of its plaintext (hex), which says nothing about it without the key. */
export function contentAddress(nameKey: Uint8Array, plaintext: Uint8Array): string {
  return createHmac('sha256', nameKey).update(plaintext).digest('hex');
}

function fileKey(contentKey: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', contentKey, salt, CONTEXT, 32));
}

function nonce(index: number): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeBigUInt64BE(BigInt(index), 4);
  return bytes;
}

function associatedData(address: string, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = last ? 1 : 0;
  return Buffer.concat([CONTEXT, Buffer.from(address, 'hex'), tail]);
}

/** The sealed bytes of `plaintext`, stored under `address`. */
export function sealFile(contentKey: Uint8Array, address: string, plaintext: Uint8Array): Buffer {
  const salt = randomBytes(SALT_BYTES);
  const key = fileKey(contentKey, salt);
  try {
    const records = Math.max(1, Math.ceil(plaintext.length / RECORD_BYTES));
    // Every record is copied straight into the file's bytes: no list of parts to join afterwards.
    const sealed = Buffer.allocUnsafe(sealedSize(plaintext.length));
    let at = MAGIC.copy(sealed, 0);
    at += salt.copy(sealed, at);
    for (let index = 0; index < records; index += 1) {
      const last = index === records - 1;
      const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
      cipher.setAAD(associatedData(address, index, last));
      at += cipher.update(plaintext.subarray(index * RECORD_BYTES, (index + 1) * RECORD_BYTES)).copy(sealed, at);
      at += cipher.final().copy(sealed, at);
      at += cipher.getAuthTag().copy(sealed, at);
    }
    if (at !== sealed.length) throw new Error(`sealed ${at} bytes, expected ${sealed.length}`);
    return sealed;
  } finally {
    key.fill(0);
  }
}

/** The size of the sealed file holding `plaintextBytes`. */
export function sealedSize(plaintextBytes: number): number {
  const records = Math.max(1, Math.ceil(plaintextBytes / RECORD_BYTES));
  return HEADER_BYTES + plaintextBytes + records * TAG_BYTES;
}

/** Thrown when a sealed file fails any check; the store turns it into SCAN_DAMAGED with the file's place. */
export class SealBroken extends Error {}

/**
 * The plaintext of a sealed file, every record verified. `expectedSize` (from the database) must
 * match what the file holds; `limit` stops after that many plaintext bytes (a file's head).
 */
export function openSealedFile(contentKey: Uint8Array, address: string, sealed: Uint8Array, expectedSize: number, limit = expectedSize): Buffer {
  if (sealed.length !== sealedSize(expectedSize)) throw new SealBroken(`size ${sealed.length}, expected ${sealedSize(expectedSize)}`);
  if (!MAGIC.equals(sealed.subarray(0, MAGIC.length))) throw new SealBroken('not a sealed scan');
  const key = fileKey(contentKey, sealed.subarray(MAGIC.length, HEADER_BYTES));
  try {
    const records = Math.max(1, Math.ceil(expectedSize / RECORD_BYTES));
    const parts: Buffer[] = [];
    let out = 0;
    for (let index = 0; index < records && (out < limit || index === 0); index += 1) {
      const last = index === records - 1;
      const start = HEADER_BYTES + index * SLOT_BYTES;
      const end = last ? sealed.length : start + SLOT_BYTES;
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
      decipher.setAAD(associatedData(address, index, last));
      decipher.setAuthTag(sealed.subarray(end - TAG_BYTES, end));
      try {
        const part = Buffer.concat([decipher.update(sealed.subarray(start, end - TAG_BYTES)), decipher.final()]);
        parts.push(part);
        out += part.length;
      } catch {
        throw new SealBroken(`record ${index} fails its tag`);
      }
    }
    return Buffer.concat(parts).subarray(0, Math.min(limit, expectedSize));
  } finally {
    key.fill(0);
  }
}
