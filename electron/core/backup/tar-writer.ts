import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { Header } from 'tar';

const BLOCK = 512;
const CHUNK = 4 * 1024 * 1024;

/**
 * Writes a tar archive (ustar headers made by node-tar) to an open file, synchronously – it runs on
 * a thread of its own – hashing every entry and the whole file as they go.
 */
export class TarWriter {
  private readonly whole = createHash('sha256');
  private written = 0;

  constructor(
    private readonly fd: number,
    private readonly mtime: Date,
  ) {}

  /** Adds an entry held in memory; returns its size and SHA-256. */
  add(name: string, data: Uint8Array): { size: number; sha256: string } {
    const hash = createHash('sha256');
    this.header(name, data.length);
    this.out(data, hash);
    this.pad(data.length);
    return { size: data.length, sha256: hash.digest('hex') };
  }

  /** Adds a file's bytes, read in chunks (the database snapshot: too large to hold whole). */
  addFile(name: string, path: string, size: number): { size: number; sha256: string } {
    const hash = createHash('sha256');
    this.header(name, size);
    const fd = openSync(path, 'r');
    try {
      const chunk = Buffer.allocUnsafe(CHUNK);
      let done = 0;
      while (done < size) {
        const read = readSync(fd, chunk, 0, Math.min(CHUNK, size - done), done);
        if (read === 0) throw new Error(`${name} ended after ${done} of ${size} bytes`);
        this.out(chunk.subarray(0, read), hash);
        done += read;
      }
    } finally {
      closeSync(fd);
    }
    this.pad(size);
    return { size, sha256: hash.digest('hex') };
  }

  /** Ends the archive (two empty blocks); the file's size and SHA-256. */
  finish(): { size: number; sha256: string } {
    this.out(Buffer.alloc(2 * BLOCK));
    return { size: this.written, sha256: this.whole.digest('hex') };
  }

  private header(name: string, size: number): void {
    const header = new Header({ path: name, mode: 0o600, uid: 0, gid: 0, size, mtime: this.mtime, type: 'File' });
    const block = Buffer.alloc(BLOCK);
    if (header.encode(block, 0)) throw new Error(`entry name too long for a plain tar header: ${name}`);
    this.out(block);
  }

  private pad(size: number): void {
    const rest = size % BLOCK;
    if (rest !== 0) this.out(Buffer.alloc(BLOCK - rest));
  }

  private out(bytes: Uint8Array, entry?: Hash): void {
    entry?.update(bytes);
    this.whole.update(bytes);
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
    this.written += bytes.length;
  }
}
