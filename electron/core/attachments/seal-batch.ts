import { AppError } from '../../../shared/errors';
import type { StagedFile } from '../staging/staging-area';
import { ScanFileWriter, sharedScanKeys, touchWritten, wipeScanKeys, type WrittenFile } from './file-store';
import type { ScanInspection } from './inspect';
import type { SealAhead, SealedAhead } from './seal-ahead';
import { sealOnThread } from './seal-pool';
import { BatchCourse } from './seal-protocol';

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
  /** Derived when a file is first sealed here: none if every file was sealed ahead. */
  private keys: ReturnType<typeof sharedScanKeys> | null = null;
  private readonly shared = new SharedArrayBuffer(4);
  private readonly course = new Int32Array(this.shared);
  private readonly working = new Set<Promise<unknown>>();
  private failure: Error | null = null;

  private constructor(private readonly ahead: SealAhead) {
    this.writer = new ScanFileWriter(ahead.store);
  }

  /**
   * A staged scan checked and (unless the batch is only being checked) sealed and written, not yet
   * in place – or taken as it was sealed ahead (SealAhead). A refusal or failure is thrown as it is.
   */
  seal(staged: StagedFile): Promise<BatchFile> {
    const ahead = this.ahead.take(staged.stagedFileId);
    const done = (ahead ? this.takeSealed(staged, ahead) : this.sealNow(staged)).catch((error: unknown) => {
      if (isRefusal(error)) this.refuse();
      else if (this.failure === null) this.stop(error);
      // A file left alone because the batch had failed is told with the batch's own failure.
      else throw this.failure;
      throw error;
    });
    this.working.add(done);
    void done.finally(() => this.working.delete(done)).catch(() => undefined);
    return done;
  }

  private async sealNow(staged: StagedFile): Promise<BatchFile> {
    this.keys ??= sharedScanKeys(this.ahead.dataKey);
    const { inspection, written } = await sealOnThread({ source: staged.source, name: staged.name, store: this.writer.root, temporary: this.writer.name(), keys: this.keys.shared, course: this.shared });
    return this.accept(written, inspection);
  }

  /**
   * A scan sealed ahead, the batch's from now on (it puts it in place, or removes it). A refusal
   * then is this batch's refusal; if the sealing failed otherwise (a disk full then, say), or its
   * file has gone since (collected after an hour), the scan is sealed again now.
   */
  private async takeSealed(staged: StagedFile, ahead: SealedAhead): Promise<BatchFile> {
    this.writer.own(ahead.temporary);
    let sealed: Awaited<SealedAhead['outcome']>;
    try {
      sealed = await ahead.outcome;
    } catch (error) {
      if (isRefusal(error)) throw error;
      return this.sealNow(staged);
    }
    if (sealed.written === null || !(await touchWritten(this.writer.root, sealed.written))) return this.sealNow(staged);
    return this.accept(sealed.written, sealed.inspection);
  }

  private accept(written: WrittenFile | null, inspection: ScanInspection): BatchFile {
    if (written) this.writer.accept(written);
    return { address: written?.address ?? null, inspection };
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
   * The keys are wiped in either case, once no thread uses them. `ahead`: the session's scans sealed
   * ahead, and the store they (and this batch's) go to.
   */
  static async run<T>(ahead: SealAhead, work: (batch: SealBatch) => Promise<T>): Promise<T> {
    const batch = new SealBatch(ahead);
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
      if (batch.keys) wipeScanKeys(batch.keys);
    }
  }
}

/** The file is not a scan, or is damaged: told with its reason (not a failure of the filing). */
function isRefusal(error: unknown): boolean {
  return error instanceof AppError && error.code === 'VALIDATION';
}
