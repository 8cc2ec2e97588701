import { rm } from 'node:fs/promises';
import type { StagingPurpose } from '../../../shared/contract';
import type { StagedFile, StagingObserver } from '../staging/staging-area';
import { sharedScanKeys, temporaryName, wipeScanKeys } from './file-store';
import { sealOnThread, warmSealThreads } from './seal-pool';
import { BatchCourse, type SealReply } from './seal-protocol';

export type SealOutcome = Extract<SealReply, { ok: true }>;

/** A staged scan being (or already) checked, sealed and written under `temporary` in the store, ahead of its filing. */
export interface SealedAhead {
  readonly temporary: string;
  readonly outcome: Promise<SealOutcome>;
}

/**
 * The scans of one session sealed ahead of their filing: a scan staged completely goes to a seal
 * thread at once (checked, sealed and written under a temporary name in the store), so the seal
 * threads work while the clerk's other files are still arriving, and the filing (SealBatch) only
 * takes what was done. What is never filed is removed: a staged file discarded, or the session's
 * end (close), removes its temporary file once its thread is done with it. The store's keys live
 * in memory shared with the threads from the first scan to the session's end, and are wiped only
 * once no thread uses them any more.
 */
export class SealAhead implements StagingObserver {
  private keys: ReturnType<typeof sharedScanKeys> | null = null;
  /** BatchCourse.file while the session lasts, BatchCourse.stop from its end: a file not yet opened is then left alone. */
  private readonly course = new SharedArrayBuffer(4);
  private readonly untaken = new Map<string, SealedAhead>();
  private readonly working = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  /**
   * @param wanted whether a finished scan is worth sealing now (not when the filing would refuse it for
   *   its size, nor when the archive is not to be written).
   */
  constructor(
    /** The archive's store of scans, and its data key: where the session's filings (SealBatch) put their scans too. */
    readonly store: string,
    readonly dataKey: Uint8Array,
    private readonly wanted: (file: StagedFile) => boolean,
  ) {}

  /** A scan begins to arrive: the seal threads start meanwhile (loading their code overlaps the upload). */
  begun(purpose: StagingPurpose): void {
    if (purpose === 'scan' && this.closing === null) warmSealThreads();
  }

  finished(file: StagedFile): void {
    if (file.purpose !== 'scan' || this.closing !== null || !this.wanted(file)) return;
    this.keys ??= sharedScanKeys(this.dataKey);
    const temporary = temporaryName(this.store);
    // The job's source (its key, or its bytes held in memory) is read when a thread takes the job; a file discarded before then is forgotten, and fails to read – its outcome is removed unused.
    const outcome = sealOnThread({ source: file.source, name: file.name, store: this.store, temporary, keys: this.keys.shared, course: this.course });
    this.untaken.set(file.stagedFileId, { temporary, outcome });
    const settled = outcome.then(
      () => undefined,
      () => undefined,
    );
    this.working.add(settled);
    void settled.then(() => this.working.delete(settled));
  }

  /** For a filing: the scan sealed ahead, now the filing's to put in place or remove; null if it was not (or was taken before). */
  take(stagedFileId: string): SealedAhead | null {
    const ahead = this.untaken.get(stagedFileId) ?? null;
    this.untaken.delete(stagedFileId);
    return ahead;
  }

  discarded(stagedFileId: string): void {
    const ahead = this.take(stagedFileId);
    if (ahead) void removeWhenDone(ahead);
  }

  /**
   * The session ends: files not yet opened are left alone, every temporary file not taken by a
   * filing is removed, and the keys are wiped once the threads are done (a filing under way settles
   * its own files). Resolves when all that is done; never fails.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      Atomics.store(new Int32Array(this.course), 0, BatchCourse.stop);
      const left = [...this.untaken.values()];
      this.untaken.clear();
      await Promise.all(left.map(removeWhenDone));
      while (this.working.size > 0) await Promise.allSettled([...this.working]);
      if (this.keys) wipeScanKeys(this.keys);
    })();
    return this.closing;
  }
}

/**
 * A temporary file removed once its thread has answered. A thread given up while still writing
 * (it hung) may write after this: verify collects such a file after an hour.
 */
async function removeWhenDone({ temporary, outcome }: SealedAhead): Promise<void> {
  await outcome.catch(() => undefined);
  await rm(temporary, { force: true }).catch(() => undefined);
}
