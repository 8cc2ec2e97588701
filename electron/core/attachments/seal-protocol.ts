import type { StagedFileSource } from '../staging/staged-file-format';
import type { ThreadReply } from '../threads/thread-pool';
import type { WrittenFile } from './file-store';
import type { ScanInspection } from './inspect';

/**
 * One staged scan for a seal thread to read, check, name, seal and write into the store: where it
 * lies in staging, with its own key; the store's folder; the store's keys in memory shared with the
 * core's thread (sharedScanKeys), wiped there when the filing ends.
 */
export interface SealJob {
  source: StagedFileSource;
  /** The file's name, for a refusal's message only. */
  name: string;
  store: string;
  keys: SharedArrayBuffer;
}

/** The scan checked, and written sealed under a temporary name in the store (WrittenFile), or why not – a refusal keeps its code and words. */
export type SealReply = ThreadReply<WrittenFile & { inspection: ScanInspection }>;
