/**
 * The scanner's side of the scan inbox, for tests: a file written into the watched folder in
 * chunks with pauses (as a scanner or a network copy writes it), a printed sheet "scanned" back as
 * the JPEG a scanner would make of it, and waiting for the inbox to show something.
 */
import { appendFileSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import sharp from 'sharp';
import { renderPdfPage } from './pdf';

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Writes `bytes` to `path` in `chunks` parts, `pauseMs` apart; `between` runs after every part but
 * the last (to look at the inbox while the file is incomplete).
 */
export async function writeInChunks(path: string, bytes: Uint8Array, { chunks, pauseMs, between }: { chunks: number; pauseMs: number; between?: () => Promise<void> }): Promise<void> {
  const size = Math.ceil(bytes.length / chunks);
  writeFileSync(path, bytes.subarray(0, size));
  for (let at = size; at < bytes.length; at += size) {
    await pause(pauseMs);
    await between?.();
    appendFileSync(path, bytes.subarray(at, at + size));
  }
}

/** A page of a printed PDF (a cover or separator sheet) as a scanner's JPEG of it, at 150 dpi. */
export async function scannedSheet(pdf: Uint8Array, page = 1, dpi = 150): Promise<Uint8Array> {
  const raster = renderPdfPage(pdf, page, dpi);
  return new Uint8Array(await sharp(raster.rgb, { raw: { width: raster.width, height: raster.height, channels: 3 } }).greyscale().jpeg({ quality: 85 }).toBuffer());
}

/** Waits until `look` gives something `ready` accepts (at most `timeoutMs`), and returns it. */
export async function waitFor<T>(look: () => Promise<T>, ready: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await look();
    if (ready(value)) return value;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms in vain; last: ${JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v))}`);
    await pause(150);
  }
}

/** An hour ago, in whole seconds: a file given this time is stable at once, and the time can be put back exactly. */
const OLD = Math.floor(Date.now() / 1000) - 3600;

/** Writes a file the scanner finished long ago (stable at once for the inbox). */
export function putFinished(path: string, bytes: Uint8Array): void {
  writeFileSync(path, bytes);
  utimesSync(path, OLD, OLD);
}

/**
 * Overwrites a file finished with putFinished with other content of the same size and the same
 * time – as an uncompressed scan saved again under its name within the time's resolution.
 */
export function overwriteUnnoticed(path: string, bytes: Uint8Array): void {
  if (readFileSync(path).length !== bytes.length) throw new Error('the new content must be as long as the old');
  putFinished(path, bytes);
}

/** The id of a process that has ended (as the program that was filing when it crashed). */
export function endedProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('no process started');
  return child.pid;
}
