import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
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
      const count = Math.min(RECORD_BYTES - this.pendingBytes, bytes.length - taken);
      this.pending.set(bytes.subarray(taken, taken + count), this.pendingBytes);
      this.pendingBytes += count;
      taken += count;
      if (this.pendingBytes === RECORD_BYTES) sealed.push(this.sealPending(false));
    }
    this.put(Buffer.concat(sealed));
  }

  /** Seals the last record (shorter than a whole one, possibly empty) and closes the file. */
  finish(): void {
    this.put(this.sealPending(true));
    this.close();
  }

  /** Closes and deletes the file. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }

  private sealPending(last: boolean): Buffer {
    const record = sealRecord(this.key, this.nextRecord, last, this.pending.subarray(0, this.pendingBytes));
    this.nextRecord += 1;
    this.pendingBytes = 0;
    return record;
  }

  private put(bytes: Buffer): void {
    for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.position + written);
    this.position += bytes.length;
  }

  /** Closes the file (an upload abandoned at lock: its folder goes as a whole). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.fill(0);
    closeSync(this.fd);
  }
}
