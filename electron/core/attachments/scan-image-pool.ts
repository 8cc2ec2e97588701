import type { Worker } from 'node:worker_threads';
import { runtimePaths } from '../../../runtime/paths';
import { AppError } from '../../../shared/errors';
import { spawnCoreWorker } from '../core-worker';
import type { PageImageJob, PageImageReply, ScanImageWorkerData } from './scan-image-protocol';

/**
 * The threads that draw scan pages (scan-image-worker.ts), shared by everything in this process:
 * at most MAX_THREADS, started when a page is first asked for, each drawing one page at a time,
 * and ended after IDLE_MS without work – or when a session ends (`retireScanImageThreads`). An
 * idle thread does not keep the process alive (a command-line call ends when its work is done).
 * The same code runs under Electron, the browser preview's core process and the CLI.
 */
const MAX_THREADS = 2;
const IDLE_MS = 60_000;
/** A page's bitmap and PDFium's memory lie outside the JavaScript heap, which stays small. */
const LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/** A page that could not be drawn (its bytes passed the checks at filing, yet the decoder refuses them). */
export class PageNotDrawn extends Error {}

export interface DrawnPageImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

interface Pending {
  job: PageImageJob;
  resolve: (image: DrawnPageImage) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  pending: Pending | null;
  idleTimer: NodeJS.Timeout | null;
  /** Ended once its page is drawn (the session that wanted it has ended). */
  retiring: boolean;
}

const threads: Thread[] = [];
const queue: Pending[] = [];
let nextId = 1;

/**
 * Draws a page on one of the threads. `bytes` are handed over (transferred), not copied, when
 * they own their memory: the caller must not use them afterwards.
 */
export function drawPageImage(request: Omit<PageImageJob, 'id'>): Promise<DrawnPageImage> {
  // No scan is empty, but bytes handed over before look so (and a message handing them over again would be dropped unseen).
  if (request.bytes.byteLength === 0) return Promise.reject(new PageNotDrawn('no bytes to draw'));
  return new Promise((resolve, reject) => {
    queue.push({ job: { ...request, id: nextId++, bytes: transferable(request.bytes) }, resolve, reject });
    dispatch();
  });
}

/**
 * Ends the idle threads now and the busy ones once their page is drawn (a session ended; they start
 * again when needed). Pages still waiting belonged to the session: they are not drawn.
 */
export function retireScanImageThreads(): void {
  for (const pending of queue.splice(0)) pending.reject(new AppError('UNAUTHENTICATED'));
  for (const thread of [...threads]) {
    if (thread.pending) thread.retiring = true;
    else end(thread);
  }
}

/** Bytes that own their whole memory can be transferred; a view into a larger (or pooled) buffer is copied first. */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}

function dispatch(): void {
  while (queue.length > 0) {
    const thread = threads.find((t) => t.pending === null && !t.retiring) ?? (threads.length < MAX_THREADS ? start() : null);
    if (!thread) return;
    const next = queue.shift();
    if (next) give(thread, next);
  }
}

function start(): Thread | null {
  let worker: Worker;
  try {
    worker = spawnCoreWorker({ name: 'scanImageWorker', source: new URL('./scan-image-worker.ts', import.meta.url), caller: import.meta.url }, { pdfiumWasm: runtimePaths().pdfiumWasm } satisfies ScanImageWorkerData, LIMITS);
  } catch (error) {
    // The thread's entry is missing: every page waiting fails with that reason.
    for (const pending of queue.splice(0)) pending.reject(error);
    return null;
  }
  const thread: Thread = { worker, pending: null, idleTimer: null, retiring: false };
  threads.push(thread);
  worker.on('message', (reply: PageImageReply) => settle(thread, reply));
  worker.on('error', (error) => {
    remove(thread);
    fail(thread, new PageNotDrawn(error.message));
  });
  worker.on('exit', (code) => {
    remove(thread);
    fail(thread, new PageNotDrawn(`the scan image thread exited (${code})`));
    dispatch();
  });
  return thread;
}

function give(thread: Thread, pending: Pending): void {
  if (thread.idleTimer) clearTimeout(thread.idleTimer);
  thread.idleTimer = null;
  thread.pending = pending;
  thread.worker.ref();
  thread.worker.postMessage(pending.job, [pending.job.bytes.buffer as ArrayBuffer]);
}

function settle(thread: Thread, reply: PageImageReply): void {
  const pending = thread.pending;
  if (!pending || pending.job.id !== reply.id) return;
  thread.pending = null;
  if (reply.ok) pending.resolve({ jpeg: reply.jpeg, width: reply.width, height: reply.height });
  else pending.reject(new PageNotDrawn(reply.reason));
  if (thread.retiring) end(thread);
  else idle(thread);
  dispatch();
}

function fail(thread: Thread, error: PageNotDrawn): void {
  const pending = thread.pending;
  thread.pending = null;
  pending?.reject(error);
}

function idle(thread: Thread): void {
  thread.worker.unref();
  thread.idleTimer = setTimeout(() => end(thread), IDLE_MS);
  thread.idleTimer.unref();
}

function end(thread: Thread): void {
  if (thread.idleTimer) clearTimeout(thread.idleTimer);
  remove(thread);
  void thread.worker.terminate();
}

function remove(thread: Thread): void {
  const at = threads.indexOf(thread);
  if (at >= 0) threads.splice(at, 1);
}
