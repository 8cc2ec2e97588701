import type { Worker } from 'node:worker_threads';
import { spawnCoreWorker } from '../core-worker';
import type { OpenedArchive } from '../vault/opened-archive';
import { deriveSubkey } from '../vault/subkeys';

export interface PageCheckInput {
  file: string;
  key: Uint8Array;
}

export interface PageCheckResult {
  /** SQLite's findings, or the error that stopped the check at a damaged page; empty: whole. */
  problems: string[];
  structures: string[];
  /** The check itself could not run (not a finding about the database). */
  failed?: string;
}

/** The thread holds one page at a time; its heap stays small. */
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/**
 * Damage in a page that nobody happens to read would otherwise go unnoticed until `verify`; so
 * after a sign-in in the window every page is read once, in a thread of its own, and damage found
 * is reported like damage met anywhere else. Returns a way to stop it (the session ended).
 */
export function checkPagesInBackground(archive: OpenedArchive, report: (result: PageCheckResult) => void): () => Promise<void> {
  const key = deriveSubkey(archive.dataKey, 'database');
  let worker: Worker;
  try {
    worker = spawnCoreWorker({ name: 'pageCheckWorker', source: new URL('./page-check-worker.ts', import.meta.url), caller: import.meta.url }, { file: archive.paths.database, key } satisfies PageCheckInput, LIMITS);
  } finally {
    // The thread received a copy of the key (and wipes it once its connection is keyed).
    key.fill(0);
  }
  worker.once('message', (result: PageCheckResult) => report(result));
  worker.once('error', (error) => report({ problems: [], structures: [], failed: error.message }));
  worker.unref();
  return async () => {
    await worker.terminate();
  };
}
