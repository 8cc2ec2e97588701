import { createCipheriv, createDecipheriv } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * How a staged file lies on disk: its bytes cut into records of RECORD_BYTES (the last one
 * shorter, possibly empty), each sealed with AES-256-GCM under the file's own random key, which
 * exists only in memory. A record's index is its nonce and, with a flag for the last record, its
 * associated data: a record moved, dropped, repeated or altered, a file cut short or lengthened,
 * fails its tag. No header: a staged file never outlives the process that wrote it.
 *
 *   record i = ciphertext (RECORD_BYTES, the last one fewer) ‖ tag (16 bytes)
 *
 * This module and the reader need nothing but node:crypto, node:fs and the shared error type, so
 * a worker thread can read a staged file from its StagedFileSource alone.
 */
export const RECORD_BYTES = 64 * 1024;
export const TAG_BYTES = 16;
export const SLOT_BYTES = RECORD_BYTES + TAG_BYTES;
export const KEY_BYTES = 32;

/**
 * Everything needed to read a finished staged file – in any thread (it is structured-cloneable):
 * on disk, sealed under a key of its own; or, for a file that arrived in one chunk, its bytes held
 * in memory (StagingArea: a scanned page filed without a file written and read back first).
 */
export type StagedFileSource = StagedOnDisk | HeldInMemory;

export interface StagedOnDisk {
  path: string;
  /** AES-256 key of this one file. */
  key: Uint8Array;
  /** Bytes of plaintext. */
  size: number;
}

export interface HeldInMemory {
  /** The plaintext (in memory shared with the threads: readers copy it), wiped when the file is discarded or the session ends. */
  held: Uint8Array;
  size: number;
}

/**
 * Forgets a staged file: its key wiped; or its held bytes wiped and let go of, so that a reader
 * that kept the source finds the file gone, not a file of zeros.
 */
export function forgetStagedFile(source: StagedFileSource): void {
  if ('held' in source) {
    source.held.fill(0);
    source.held = new Uint8Array(0);
  } else source.key.fill(0);
}

const CONTEXT = Buffer.from('dossierdesk/staged-file/v1', 'ascii');

function nonce(index: number): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeBigUInt64BE(BigInt(index), 4);
  return bytes;
}

function associatedData(index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(9);
  tail.writeBigUInt64BE(BigInt(index), 0);
  tail[8] = last ? 1 : 0;
  return Buffer.concat([CONTEXT, tail]);
}

/** A record sealed, as the pieces to write one after the other (ciphertext, then tag): joining them would copy every byte once more. */
export function sealRecord(key: Uint8Array, index: number, last: boolean, plaintext: Uint8Array): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, nonce(index));
  cipher.setAAD(associatedData(index, last));
  const body = cipher.update(plaintext);
  // GCM gives everything from update; final only checks that nothing is left.
  const rest = cipher.final();
  return rest.length === 0 ? [body, cipher.getAuthTag()] : [body, rest, cipher.getAuthTag()];
}

/** The plaintext of a record, verified; a record that fails its tag is refused. */
export function openRecord(key: Uint8Array, index: number, last: boolean, sealed: Uint8Array): Buffer {
  if (sealed.length < TAG_BYTES) throw stagedFileDamaged();
  const decipher = createDecipheriv('aes-256-gcm', key, nonce(index));
  decipher.setAAD(associatedData(index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const plaintext = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    const rest = decipher.final();
    // GCM gives everything from update: no copy to join an empty rest.
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest]);
  } catch (error) {
    throw stagedFileDamaged(error);
  }
}

/** The whole plaintext of a staged file from its bytes on disk, every record verified. */
export function openStagedBytes(key: Uint8Array, plaintextBytes: number, sealed: Uint8Array): Buffer {
  const records = Math.floor(plaintextBytes / RECORD_BYTES) + 1;
  if (sealed.length !== plaintextBytes + records * TAG_BYTES) throw stagedFileDamaged();
  const parts: Buffer[] = [];
  for (let index = 0; index < records; index += 1) {
    const start = index * SLOT_BYTES;
    parts.push(openRecord(key, index, index === records - 1, sealed.subarray(start, Math.min(start + SLOT_BYTES, sealed.length))));
  }
  return Buffer.concat(parts, plaintextBytes);
}

/** The records of a staged file of `fileBytes` bytes on disk, and how much plaintext they hold. */
export function recordLayout(fileBytes: number): { records: number; plaintextBytes: number } {
  const full = Math.floor(fileBytes / SLOT_BYTES);
  const rest = fileBytes - full * SLOT_BYTES;
  if (rest < TAG_BYTES) throw stagedFileDamaged();
  return { records: full + 1, plaintextBytes: full * RECORD_BYTES + rest - TAG_BYTES };
}

/** The staged copy – a temporary file – is damaged, not the archive: the file is chosen again. */
export function stagedFileDamaged(cause?: unknown): AppError {
  return new AppError('STAGED_FILE_DAMAGED', undefined, cause === undefined ? undefined : { cause });
}
