import { AppError } from '../../../shared/errors';
import { spawnCoreWorker } from '../core-worker';
import { ThreadPool } from '../threads/thread-pool';
import type { PrintJob } from './print-protocol';

/** A printable the print thread could not make. */
export class NotPrinted extends Error {}

/**
 * The print thread (print-worker.ts): one, since printables are asked for one at a time by a
 * person; a second request waits for the first. Ended after a minute without work.
 */
const pool = new ThreadPool<PrintJob, { pdf: Uint8Array }>({
  spawn: () => spawnCoreWorker({ name: 'printWorker', source: new URL('./print-worker.ts', import.meta.url), caller: import.meta.url }, {}, { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 32 }),
  maxThreads: 1,
  idleMs: 60_000,
  // A 200-page dossier takes about a second here; a thousand labels a few.
  jobTimeoutMs: 5 * 60_000,
  failure: (reason) => new NotPrinted(reason),
});

/** The printable as a PDF, made on the print thread; the buffers in `transfer` are handed over (the caller must not use them afterwards). */
export async function printOnThread(job: PrintJob, transfer: ArrayBuffer[] = []): Promise<Uint8Array> {
  try {
    return (await pool.run(job, transfer)).pdf;
  } catch (error) {
    if (!(error instanceof NotPrinted)) throw error;
    throw new AppError('INTERNAL', { zh: `打印文件未能生成：${error.message}`, en: `The printable could not be made: ${error.message}` }, { cause: error });
  }
}

/** A printable will be asked for soon (its scans are being gathered): the thread starts meanwhile, its code loading beside that work. */
export function warmPrintThread(): void {
  pool.warm();
}

/** A session ended: the print thread goes once its job is done; jobs waiting are not done. */
export function retirePrintThreads(): void {
  pool.retire();
}
