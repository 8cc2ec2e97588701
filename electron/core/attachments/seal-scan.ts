import { readWholeStagedFileSync } from '../staging/staged-file-reader';
import { scanKeysIn, writeSealedFile, type WrittenFile } from './file-store';
import { inspectScan, type ScanInspection } from './inspect';
import { contentAddress, sealFile } from './sealed-file';
import type { SealJob } from './seal-protocol';

export interface SealedScan {
  address: string;
  inspection: ScanInspection;
  sealed: Buffer;
}

/**
 * What a seal thread does with one staged scan: reads it once (every record verified), checks it (inspectScan: a file that is not a scan, or is damaged, is refused with its reason),
 * names it by the keyed hash of its plaintext and seals it under that name – all from the same
 * bytes. Nothing is written here.
 */
export async function sealScan(job: Omit<SealJob, 'store'>): Promise<SealedScan> {
  let plaintext: Buffer;
  try {
    plaintext = readWholeStagedFileSync(job.source);
  } finally {
    // This thread's copy of the staged file's key; the core's own is wiped when the file is discarded.
    job.source.key.fill(0);
  }
  const inspection = await inspectScan(plaintext, job.name);
  const keys = scanKeysIn(job.keys);
  const address = contentAddress(keys.name, plaintext);
  return { address, inspection, sealed: sealFile(keys.content, address, plaintext) };
}

/**
 * A staged scan sealed (sealScan) and written durably under a temporary name in the store: the
 * core's thread only puts it in place (ScanFileWriter), so the sealed bytes never cross to it.
 */
export async function sealAndWriteScan(job: SealJob): Promise<WrittenFile & { inspection: ScanInspection }> {
  const { address, inspection, sealed } = await sealScan(job);
  return { ...writeSealedFile(job.store, scanKeysIn(job.keys), { address, sealed, size: job.source.size }), inspection };
}
