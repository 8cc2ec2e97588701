import { readWholeStagedFileSync } from '../staging/staged-file-reader';
import { scanKeysIn } from './file-store';
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
 * bytes. Nothing is written here; the core's thread writes the sealed bytes.
 */
export async function sealScan(job: SealJob): Promise<SealedScan> {
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
