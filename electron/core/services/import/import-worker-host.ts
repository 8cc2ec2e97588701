import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';
import type { ImportWorkerInput, ImportWorkerMessage } from './import-worker-protocol';

/**
 * The worker's heap is kept small: it holds a batch or two, the unique values on file and its
 * code, and the import as a whole must stay within its memory budget.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * The worker: built, the `import-worker` entry beside the bundle (or one folder up from a chunk);
 * from the sources (tests, the CLI under tsx) the TypeScript file, loaded after registering tsx
 * in the new thread.
 */
function spawn(input: ImportWorkerInput): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const tsx = tsxRegisterUrl();
    const script = new URL('./import-worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
    return new Worker(boot, { eval: true, workerData: input, resourceLimits: WORKER_LIMITS });
  }
  for (const candidate of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return new Worker(url, { workerData: input, resourceLimits: WORKER_LIMITS });
  }
  throw new AppError('INTERNAL', { zh: '找不到导入程序组件（import-worker.js）', en: 'The import worker (import-worker.js) is missing' });
}

/** tsx's ESM register API as its package exports it for `import` (require.resolve would give the CommonJS one). */
function tsxRegisterUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const entry = exports['./esm/api']?.import.default;
  if (!entry) throw new Error('tsx has no ESM register API');
  return pathToFileURL(join(dirname(manifest), entry)).href;
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
