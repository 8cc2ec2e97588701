import { parentPort } from 'node:worker_threads';
import { failedReply, transferable } from '../threads/thread-pool';
import type { SealJob, SealReply } from './seal-protocol';
import { sealScan } from './seal-scan';

/**
 * A thread that opens, checks, names and seals staged scans (seal-pool.ts hands it one at a time),
 * so that the cryptography of a batch of hundreds of pages runs beside the core's own thread.
 */
const port = parentPort;
if (!port) throw new Error('seal-worker runs as a worker thread');

port.on('message', (job: SealJob & { id: number }) => {
  void sealScan(job).then(
    ({ address, inspection, sealed }) => {
      const bytes = transferable(sealed);
      port.postMessage({ id: job.id, ok: true, address, inspection, sealed: bytes } satisfies SealReply & { id: number }, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ id: job.id, ...failedReply(error) } satisfies SealReply & { id: number }),
  );
});
