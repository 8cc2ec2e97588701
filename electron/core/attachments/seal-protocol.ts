import type { StagedFileSource } from '../staging/staged-file-format';
import type { ThreadReply } from '../threads/thread-pool';
import type { ScanInspection } from './inspect';

/**
 * One staged scan for a seal thread to read, check, name and seal: where it lies in staging, with
 * its own key; the store's keys in memory shared with the core's thread (sharedScanKeys), wiped
 * there when the filing ends.
 */
export interface SealJob {
  source: StagedFileSource;
  /** The file's name, for a refusal's message only. */
  name: string;
  keys: SharedArrayBuffer;
}

/** The scan checked and sealed under its content address (the sealed bytes handed back), or why not – a refusal keeps its code and words. */
export type SealReply = ThreadReply<{ address: string; inspection: ScanInspection; sealed: Uint8Array }>;
