import { availableParallelism } from 'node:os';
import { AppError } from '../../../shared/errors';
import { spawnCoreWorker } from '../core-worker';
import { requireStagedFile } from '../staging/staged-file-reader';
import { ThreadPool } from '../threads/thread-pool';
import type { SealJob, SealReply } from './seal-protocol';

/** A staged scan the seal thread could not seal (it died, or hung). */
class NotSealed extends Error {}

type Sealed = Extract<SealReply, { ok: true }>;

/**
 * The threads that seal and write scans being filed (seal-worker.ts), each one file at a time,
 * ended after a minute without work. One more than the machine's processors (at most four): a
 * thread waiting for the disk to take its file (fsync) leaves its processor to another's sealing.
 * They never hold the archive's data key: only the store's subkeys, in memory the filing (or the
 * session, for scans sealed ahead) wipes when it ends.
 */
const pool = new ThreadPool<SealJob, Sealed>({
  spawn: () => spawnCoreWorker({ name: 'sealWorker', source: new URL('./seal-worker.ts', import.meta.url), caller: import.meta.url }, {}, {}),
  maxThreads: Math.min(4, availableParallelism() + 1),
  idleMs: 60_000,
  // A 270 KB page takes a few milliseconds to check, seal, write and fsync; the largest file allowed (a setting, 200 MB by default) a few seconds – more on a slow disk.
  jobTimeoutMs: 2 * 60_000,
  failure: (reason) => new NotSealed(reason),
});

/** A staged scan checked (and, as the batch's course says, sealed and written) on a seal thread; a thread that died or hung is an INTERNAL failure. */
export async function sealOnThread(job: SealJob): Promise<Sealed> {
  requireStagedFile(job.source);
  try {
    return await pool.run(job);
  } catch (error) {
    if (!(error instanceof NotSealed)) throw error;
    throw new AppError('INTERNAL', { zh: `扫描文件未能加密：${error.message}`, en: `The scan could not be sealed: ${error.message}` }, { cause: error });
  }
}

/** Scans are being staged: the threads start meanwhile (loading their code overlaps the upload), ready when the filing begins. */
export function warmSealThreads(): void {
  pool.warm();
}

/**
 * A session ended: the seal threads go once their file is done; files waiting are not sealed (the
 * store's keys a thread sees are wiped by the filing or session that lent them, once its threads have answered).
 */
export function retireSealThreads(): void {
  pool.retire();
}
