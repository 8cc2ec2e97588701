import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces a file so that a crash leaves either the old or the new content, never a mix:
 * write a temporary sibling, fsync it, rename over the target, fsync the folder.
 * `durable: false` leaves out the fsyncs, for a file that may safely fall behind after a power
 * cut (the high-water mark) but must never be seen half written. `syncFolder: false` leaves the
 * folder's fsync to the caller (fsyncDirectory), who writes many files into it.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, { durable = true, syncFolder = durable }: { durable?: boolean; syncFolder?: boolean } = {}): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    if (durable) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (syncFolder) fsyncDirectory(dirname(file));
}

/**
 * Makes the renames in a folder durable. Writers of many files (a batch of scans) fsync each file
 * but the folder once, after the last rename: one folder sync instead of one per file.
 */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync.
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
