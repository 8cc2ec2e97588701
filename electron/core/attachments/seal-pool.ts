import { availableParallelism } from 'node:os';
import { AppError } from '../../../shared/errors';
import { spawnCoreWorker } from '../core-worker';
import { ThreadPool } from '../threads/thread-pool';
import type { ScanFileWriter } from './file-store';
import type { ScanInspection } from './inspect';
import type { SealJob, SealReply } from './seal-protocol';

/** A staged scan the seal thread could not seal (it died, or hung). */
class NotSealed extends Error {}

type Sealed = Extract<SealReply, { ok: true }>;

/**
 * The threads that seal and write scans being filed (seal-worker.ts), each one file at a time,
 * ended after a minute without work. One more than the machine's processors (at most four): a
 * thread waiting for the disk to take its file (fsync) leaves its processor to another's sealing.
 * They never hold the archive's data key: only the store's subkeys, in memory the filing wipes
 * when it ends.
 */
const pool = new ThreadPool<SealJob, Sealed>({
  spawn: () => spawnCoreWorker({ name: 'sealWorker', source: new URL('./seal-worker.ts', import.meta.url), caller: import.meta.url }, {}, {}),
  maxThreads: Math.min(4, availableParallelism() + 1),
  idleMs: 60_000,
  // A 270 KB page takes about a millisecond; the largest file allowed (a setting, 200 MB by default) a few seconds.
  jobTimeoutMs: 2 * 60_000,
  failure: (reason) => new NotSealed(reason),
});

/**
 * A staged scan read, checked, named, sealed and written under a temporary name on a seal thread,
 * and handed to the batch's writer (which puts it in place at `finish`, or removes it). A file that
 * is not a scan, or is damaged, is refused as on the core's thread (VALIDATION,
 * STAGED_FILE_DAMAGED, NOT_FOUND), and nothing of it is left.
 */
export async function sealInto(writer: ScanFileWriter, keys: SharedArrayBuffer, staged: Pick<SealJob, 'source' | 'name'>): Promise<{ address: string; inspection: ScanInspection }> {
  const { address, temporary, inspection } = await sealOnThread({ ...staged, store: writer.root, keys });
  writer.accept({ address, temporary });
  return { address, inspection };
}

async function sealOnThread(job: SealJob): Promise<Sealed> {
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
 * store's keys a thread sees are wiped by the filing that lent them, when it ends).
 */
export function retireSealThreads(): void {
  pool.retire();
}
