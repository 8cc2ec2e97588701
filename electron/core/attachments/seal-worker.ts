import { parentPort } from 'node:worker_threads';
import { failedReply } from '../threads/thread-pool';
import type { SealJob, SealReply } from './seal-protocol';
import { sealAndWriteScan } from './seal-scan';

/**
 * A thread that opens, checks, names, seals and writes staged scans (seal-pool.ts hands it one at
 * a time), so that the cryptography and the writing of a batch of hundreds of pages run beside the
 * core's own thread.
 */
const port = parentPort;
if (!port) throw new Error('seal-worker runs as a worker thread');

port.on('message', (job: SealJob & { id: number }) => {
  void sealAndWriteScan(job).then(
    (written) => port.postMessage({ id: job.id, ok: true, ...written } satisfies SealReply & { id: number }),
    (error: unknown) => port.postMessage({ id: job.id, ...failedReply(error) } satisfies SealReply & { id: number }),
  );
});
