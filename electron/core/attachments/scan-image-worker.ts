import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { PDFiumLibrary } from '@hyzyla/pdfium';
import sharp from 'sharp';
import { readScanCodes } from './read-scan-codes';
import { renderPageImage } from './render-page-image';
import type { PageImageReply, ScanCodesJob, ScanCodesReply, ScanImageJob, ScanImageWorkerData } from './scan-image-protocol';

/**
 * A thread that draws scan pages as images (scan-image-pool.ts hands it one page at a time), so
 * that decoding a photo or rendering a PDF page never holds up the core's own thread.
 */
const port = parentPort;
if (!port) throw new Error('scan-image-worker runs as a worker thread');
const { pdfiumWasm, zxingWasm } = workerData as ScanImageWorkerData;

// Every page is drawn once and then kept encrypted: libvips's cache of operations would only hold memory.
sharp.cache(false);

/** One PDFium per thread, started when the first PDF page is asked for (its WebAssembly read from the program's files). */
let library: Promise<PDFiumLibrary> | null = null;
function pdfium(): Promise<PDFiumLibrary> {
  library ??= PDFiumLibrary.init({ wasmBinary: new Uint8Array(readFileSync(pdfiumWasm)).buffer }).catch((error: unknown) => {
    library = null;
    throw error;
  });
  return library;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function answerCodes(job: ScanCodesJob): void {
  void readScanCodes(job, pdfium, zxingWasm).then(
    (codes) => port?.postMessage({ id: job.id, ok: true, codes } satisfies ScanCodesReply),
    (error: unknown) => port?.postMessage({ id: job.id, ok: false, reason: reason(error) } satisfies ScanCodesReply),
  );
}

port.on('message', (job: ScanImageJob) => {
  if ('kind' in job) {
    answerCodes(job);
    return;
  }
  void renderPageImage(job, pdfium).then(
    (drawn) => {
      // A copy this thread owns (sharp's output lives outside the JavaScript heap), handed over without another copy.
      const jpeg = new Uint8Array(drawn.jpeg);
      port.postMessage({ id: job.id, ok: true, jpeg, width: drawn.width, height: drawn.height } satisfies PageImageReply, [jpeg.buffer]);
    },
    (error: unknown) => port.postMessage({ id: job.id, ok: false, reason: error instanceof Error ? error.message : String(error) } satisfies PageImageReply),
  );
});
