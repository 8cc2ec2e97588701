import { closeSync, openSync, writeSync, writevSync } from 'node:fs';
import { RECORD_BYTES, sealRecord } from './staged-file-format';

/**
 * Writes a staged file as bytes arrive: whole records are sealed and written at once; the bytes
 * of an unfinished record wait in memory (less than 64 KiB) until the next chunk or the end.
 */
export class StagedFileWriter {
  private readonly fd: number;
  private readonly pending = Buffer.alloc(RECORD_BYTES);
  private pendingBytes = 0;
  private nextRecord = 0;
  private position = 0;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly key: Uint8Array,
  ) {
    // Owner-only, and never an existing file.
    this.fd = openSync(path, 'wx', 0o600);
  }

  write(bytes: Uint8Array): void {
    const sealed: Buffer[] = [];
    for (let taken = 0; taken < bytes.length; ) {
      if (this.pendingBytes === 0 && bytes.length - taken >= RECORD_BYTES) {
        // A whole record in the chunk itself: sealed from there, not copied to wait first.
        sealed.push(...this.seal(bytes.subarray(taken, taken + RECORD_BYTES), false));
        taken += RECORD_BYTES;
        continue;
      }
      const count = Math.min(RECORD_BYTES - this.pendingBytes, bytes.length - taken);
      this.pending.set(bytes.subarray(taken, taken + count), this.pendingBytes);
      this.pendingBytes += count;
      taken += count;
      if (this.pendingBytes === RECORD_BYTES) sealed.push(...this.sealPending(false));
    }
    this.put(sealed);
  }

  /** Seals the last record (shorter than a whole one, possibly empty) and closes the file. */
  finish(): void {
    this.put(this.sealPending(true));
    this.close();
  }

  private sealPending(last: boolean): Buffer[] {
    const record = this.seal(this.pending.subarray(0, this.pendingBytes), last);
    this.pendingBytes = 0;
    return record;
  }

  private seal(plaintext: Uint8Array, last: boolean): Buffer[] {
    const record = sealRecord(this.key, this.nextRecord, last, plaintext);
    this.nextRecord += 1;
    return record;
  }

  /** The pieces written in order, in one call as a rule (a short write goes on from where it stopped). */
  private put(pieces: Buffer[]): void {
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
    const written = total === 0 ? 0 : writevSync(this.fd, pieces, this.position);
    if (written < total) {
      const rest = Buffer.concat(pieces).subarray(written);
      for (let at = 0; at < rest.length; ) at += writeSync(this.fd, rest, at, rest.length - at, this.position + written + at);
    }
    this.position += total;
  }

  /** Closes the file (deleting it is the staging area's: one file discarded, or the session's folder as a whole). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.fill(0);
    closeSync(this.fd);
  }
}
