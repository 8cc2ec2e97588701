import { runtimePaths } from '../../../runtime/paths';
import { spawnCoreWorker } from '../core-worker';
import { ThreadPool, transferable } from '../threads/thread-pool';
import type { PageImageJob, PageImageReply, ScanCodesJob, ScanCodesReply, ScanImageWorkerData } from './scan-image-protocol';

/** A page that could not be drawn (its bytes passed the checks at filing, yet the decoder refuses them). */
export class PageNotDrawn extends Error {}

export interface DrawnPageImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

type Job = Omit<PageImageJob, 'id'> | Omit<ScanCodesJob, 'id'>;
type Drawn = Extract<PageImageReply | ScanCodesReply, { ok: true }>;

/**
 * The threads that draw scan pages and read their codes (scan-image-worker.ts): at most two, each
 * one page at a time, ended after a minute without work or when a session ends. A page's bitmap
 * and PDFium's memory lie outside the JavaScript heap, which stays small.
 */
const pool = new ThreadPool<Job, Drawn>({
  spawn: () => spawnCoreWorker({ name: 'scanImageWorker', source: new URL('./scan-image-worker.ts', import.meta.url), caller: import.meta.url }, { pdfiumWasm: runtimePaths().pdfiumWasm, zxingWasm: runtimePaths().zxingWasm } satisfies ScanImageWorkerData, { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }),
  maxThreads: 2,
  idleMs: 60_000,
  // A page takes well under a second; a 12-megapixel HEIC photo about two.
  jobTimeoutMs: 2 * 60_000,
  failure: (reason) => new PageNotDrawn(reason),
});

/**
 * Draws a page on one of the threads. `bytes` are handed over (transferred), not copied, when
 * they own their memory: the caller must not use them afterwards.
 */
export async function drawPageImage(request: Omit<PageImageJob, 'id'>): Promise<DrawnPageImage> {
  const reply = (await run(request)) as Extract<PageImageReply, { ok: true }>;
  return { jpeg: reply.jpeg, width: reply.width, height: reply.height };
}

/** The text of every QR code on a page, read on one of the threads; `bytes` are handed over as for drawPageImage. */
export async function readPageCodes(request: Omit<ScanCodesJob, 'id' | 'kind'>): Promise<string[]> {
  const reply = (await run({ ...request, kind: 'codes' })) as Extract<ScanCodesReply, { ok: true }>;
  return reply.codes;
}

function run(request: Job): Promise<Drawn> {
  // No scan is empty, but bytes handed over before look so (and a message handing them over again would be dropped unseen).
  if (request.bytes.byteLength === 0) return Promise.reject(new PageNotDrawn('no bytes to draw'));
  const bytes = transferable(request.bytes);
  return pool.run({ ...request, bytes }, [bytes.buffer]);
}

/**
 * Ends the idle threads now and the busy ones once their page is drawn (a session ended; they start
 * again when needed). Pages still waiting belonged to the session: they are not drawn.
 */
export function retireScanImageThreads(): void {
  pool.retire();
}
