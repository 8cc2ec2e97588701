import { parentPort, workerData } from 'node:worker_threads';
import { seedArchive, type ArchiveSeed } from './seed-archive';

// A worker thread that seeds one archive, for test processes that cannot load the core themselves
// (Playwright's loader refuses the core's JSON imports): sends back what seedArchive returns, or the error.
const { dataDir, seed } = workerData as { dataDir: string; seed: ArchiveSeed };
seedArchive(dataDir, seed).then(
  (seeded) => parentPort?.postMessage({ seeded }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
