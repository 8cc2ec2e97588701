import { parentPort, workerData } from 'node:worker_threads';
import type { FrontDoor } from '../../electron/core/audit/chain';
import { testCore } from './core';

// The other program of rival-program.ts: runs each call it is sent with a core of its own on the
// data folder named, flags the shared word once answered, and sends the answer back.
const { answered } = workerData as { answered: Int32Array };

async function run(message: { dataDir: string; channel: string; input: unknown; frontDoor: FrontDoor }): Promise<void> {
  const core = testCore(message.dataDir);
  const answer = await core.invoke(message.channel, message.input, message.frontDoor);
  Atomics.store(answered, 0, 1);
  Atomics.notify(answered, 0);
  await core.close();
  parentPort?.postMessage(answer);
}

parentPort?.on('message', (message: Parameters<typeof run>[0]) => void run(message));
parentPort?.postMessage('ready');
