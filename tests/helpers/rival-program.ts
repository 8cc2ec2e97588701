import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll } from 'vitest';
import type { FrontDoor } from '../../electron/core/audit/chain';
import type { Channel, InputOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { firstMessage, startTsWorker } from './ts-worker';

const workerFile = fileURLToPath(new URL('./rival-program-worker.ts', import.meta.url));

/**
 * Another program on the same data folder – a worker thread with cores of its own, like a CLI
 * script beside the window. Its calls can be started from inside a synchronous stretch of the
 * code under test (an fs-hooks.ts hook) and waited for there, without this thread's event loop
 * getting a turn: what it does lands exactly between two steps of the code under test.
 */
export interface RivalProgram {
  /**
   * Runs the call in the other program, on `dataDir`, and blocks this thread until it has been
   * answered, at most `waitMs`. True if it was answered in time; if not (it waits for something
   * this thread holds), it goes on once this thread lets go, and `answer()` has its answer.
   */
  callAndWait<C extends Channel>(dataDir: string, channel: C, input: InputOf<C>, waitMs: number, frontDoor?: FrontDoor): boolean;
  /** The answer to the last call. */
  answer(): Promise<Envelope<unknown>>;
}

/** One other program for a whole test file, started when first needed (a worker takes seconds to start) and stopped at the end. */
export function useRivalProgram(): () => Promise<RivalProgram> {
  let started: Promise<{ worker: Worker; rival: RivalProgram }> | null = null;
  afterAll(async () => {
    if (started) await (await started).worker.terminate();
  });
  return async () => {
    started ??= start();
    return (await started).rival;
  };
}

async function start(): Promise<{ worker: Worker; rival: RivalProgram }> {
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const worker = startTsWorker(workerFile, { answered });
  await firstMessage<'ready'>(worker);
  let last: Promise<Envelope<unknown>> | null = null;
  const rival: RivalProgram = {
    callAndWait(dataDir, channel, input, waitMs, frontDoor = 'cli') {
      Atomics.store(answered, 0, 0);
      last = firstMessage<Envelope<unknown>>(worker);
      worker.postMessage({ dataDir, channel, input, frontDoor });
      return Atomics.wait(answered, 0, 0, waitMs) !== 'timed-out';
    },
    answer() {
      if (!last) throw new Error('the rival program was asked nothing');
      return last;
    },
  };
  return { worker, rival };
}
