import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import { spawnCoreWorker } from '../../core-worker';
import type { ImportWorkerInput, ImportWorkerMessage } from './import-worker-protocol';

/**
 * The worker's heap is kept small: it holds a batch or two, the unique values on file and its
 * code, and the import as a whole must stay within its memory budget.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

function spawn(input: ImportWorkerInput): Worker {
  return spawnCoreWorker({ name: 'importWorker', source: new URL('./import-worker.ts', import.meta.url), caller: import.meta.url }, input, WORKER_LIMITS);
}

export interface ImportWorker {
  /** The worker's messages in order; ends after 'done' or 'failed'. */
  messages(): AsyncGenerator<ImportWorkerMessage>;
  /** A batch has been written: the worker may send another. */
  ack(): void;
  stop(): Promise<void>;
}

export function startImportWorker(input: ImportWorkerInput): ImportWorker {
  const worker = spawn(input);
  const queue: ImportWorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const push = (message: ImportWorkerMessage) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ImportWorkerMessage) => push(message));
  worker.on('error', (error) => push({ kind: 'failed', error: new AppError('INTERNAL').toPayload(), detail: error.stack ?? error.message }));
  worker.on('exit', (code) => {
    if (!ended) push({ kind: 'failed', error: new AppError('INTERNAL').toPayload(), detail: `import worker exited (${code})` });
  });
  return {
    async *messages() {
      for (;;) {
        const next = queue.shift();
        if (!next) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        if (next.kind === 'done' || next.kind === 'failed') ended = true;
        yield next;
        if (ended) return;
      }
    },
    ack: () => worker.postMessage('ack'),
    stop: async () => {
      ended = true;
      await worker.terminate();
    },
  };
}
