import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs a TypeScript file as a worker thread (tsx compiles it inside the thread), as the built app runs its JavaScript. */
export function startTsWorker(file: string, workerData: unknown): Worker {
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, { eval: true, workerData });
}

/** The first message of a worker, or its error. */
export function firstMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: T) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker exited (${code}) without a message`)));
  });
}
