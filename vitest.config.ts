import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const include = ['shared/**/*.test.ts', 'runtime/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tests/**/*.test.ts'];
/** Files that replace modules (vi.mock) or the clock: each gets a fresh module registry. */
const replacing = ['electron/core/services/scans/page-image.test.ts', 'electron/core/attachments/seal-ahead.test.ts', 'electron/core/attachments/orphan-race.test.ts', 'electron/core/services/scans/kept-originals.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    // Key derivation is deliberately slow; the native SQLite module prefers processes to threads.
    pool: 'forks',
    // Vitest's default is one fork fewer than the processors: one on a 2-processor CI machine, where
    // the tests spend much of their time waiting for CLI processes, fsyncs and worker threads.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // A test file's modules stay loaded for the next file in the same process: loading the core anew
      // for each of ~180 files took a fifth of the suite's time. Every file opens its own archives in
      // its own folders, so no state is shared but the loaded code.
      { extends: true, test: { name: 'unit', include, exclude: replacing, isolate: false } },
      { extends: true, test: { name: 'unit-isolated', include: replacing } },
    ],
  },
});
