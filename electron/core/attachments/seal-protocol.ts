import type { StagedFileSource } from '../staging/staged-file-format';
import type { ThreadReply } from '../threads/thread-pool';
import type { WrittenFile } from './file-store';
import type { ScanInspection } from './inspect';

/**
 * Where a batch stands, shared with the seal threads (one Int32 over a SharedArrayBuffer), read by
 * a thread before it opens a file and again before it seals and writes it: a batch with a file
 * refused is only checked from then on (every reason is still said, nothing more is written); a
 * batch that failed is left alone.
 */
export const BatchCourse = { file: 0, checkOnly: 1, stop: 2 } as const;

/**
 * One staged scan for a seal thread to read, check, name, seal and write into the store: where it
 * lies in staging, with its own key; the store's folder and the temporary name it is written under
 * there; the store's keys in memory shared with the
 * core's thread (sharedScanKeys), wiped there when the filing – or, for scans sealed ahead, the session – ends; the batch's course.
 */
export interface SealJob {
  source: StagedFileSource;
  /** The file's name, for a refusal's message only. */
  name: string;
  store: string;
  /** Where in the store to write it until the batch puts it in place (ScanFileWriter.name). */
  temporary: string;
  keys: SharedArrayBuffer;
  course: SharedArrayBuffer;
}

/** The scan checked, and written sealed under a temporary name in the store – `written` null when the batch was only being checked; or why not (a refusal keeps its code and words). */
export type SealReply = ThreadReply<{ inspection: ScanInspection; written: WrittenFile | null }>;
