import { AppError } from '../../../shared/errors';
import { ScanFileWriter, sharedScanKeys, wipeScanKeys } from './file-store';
import type { ScanInspection } from './inspect';
import { sealOnThread } from './seal-pool';
import { BatchCourse, type SealJob } from './seal-protocol';

/** A file of the batch checked; `address` is null when it was only checked (a file of the batch had been refused, so none will be filed). */
export interface BatchFile {
  address: string | null;
  inspection: ScanInspection;
}

/**
 * The scans of one filing, checked, sealed and written on the seal threads and put in place
 * together at the end – or none of them recorded. The batch holds the store's keys (in memory shared with
 * the threads, wiped when the batch ends) and its course, shared too: once a file is refused
 * (VALIDATION) the others are only checked, so every reason is still said but nothing more is
 * written; once the batch has failed otherwise, files not yet opened are left alone.
 */
export class SealBatch {
  private readonly writer: ScanFileWriter;
  private readonly keys: ReturnType<typeof sharedScanKeys>;
  private readonly shared = new SharedArrayBuffer(4);
  private readonly course = new Int32Array(this.shared);
  private readonly working = new Set<Promise<unknown>>();
  private failure: Error | null = null;

  constructor(store: string, dataKey: Uint8Array) {
    this.writer = new ScanFileWriter(store);
    this.keys = sharedScanKeys(dataKey);
  }

  /** A staged scan checked and (unless the batch is only being checked) sealed and written, not yet in place. A refusal or failure is thrown as it is. */
  seal(staged: Pick<SealJob, 'source' | 'name'>): Promise<BatchFile> {
    const job = sealOnThread({ ...staged, store: this.writer.root, temporary: this.writer.name(), keys: this.keys.shared, course: this.shared });
    const done = job.then(
      ({ inspection, written }) => {
        if (written) this.writer.accept(written);
        return { address: written?.address ?? null, inspection };
      },
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'VALIDATION') this.refuse();
        else if (this.failure === null) this.stop(error);
        // A file left alone because the batch had failed is told with the batch's own failure.
        else throw this.failure;
        throw error;
      },
    );
    this.working.add(done);
    void done.finally(() => this.working.delete(done)).catch(() => undefined);
    return done;
  }

  /** A file of the batch refused (here, or by the caller): none will be filed, the rest are only checked. */
  refuse(): void {
    Atomics.compareExchange(this.course, 0, BatchCourse.file, BatchCourse.checkOnly);
  }

  private stop(failure: unknown): void {
    this.failure ??= failure instanceof Error ? failure : new Error(String(failure));
    Atomics.store(this.course, 0, BatchCourse.stop);
  }

  /** Every file handed to the threads has come back (and is known to the writer): none still uses the keys or writes. */
  private async settled(): Promise<void> {
    while (this.working.size > 0) await Promise.allSettled([...this.working]);
  }

  /**
   * Runs a filing's work on a new batch: when the work ends well the batch's files are put in place
   * (durably); when it fails, or the putting in place does, the temporary files are removed and the
   * failure is told (files already renamed in place stay, recorded nowhere: verify collects them).
   * The keys are wiped in either case, once no thread uses them.
   */
  static async run<T>(store: string, dataKey: Uint8Array, work: (batch: SealBatch) => Promise<T>): Promise<T> {
    const batch = new SealBatch(store, dataKey);
    try {
      const result = await work(batch);
      await batch.settled();
      if (batch.course[0] !== BatchCourse.file) throw new AppError('INTERNAL', { zh: '本批扫描件有文件未通过检查，本批均未归档', en: 'A file of the batch did not pass its check, so none of the batch was filed' });
      await batch.writer.finish();
      return result;
    } catch (error) {
      batch.stop(error);
      await batch.settled();
      await batch.writer.abandon();
      throw error;
    } finally {
      wipeScanKeys(batch.keys);
    }
  }
}
