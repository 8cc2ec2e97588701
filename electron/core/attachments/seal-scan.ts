import { readWholeStagedFileSync } from '../staging/staged-file-reader';
import { scanKeysIn, writeSealedFile, type ScanKeys, type WrittenFile } from './file-store';
import { inspectScan, type ScanInspection } from './inspect';
import { contentAddress, sealFile } from './sealed-file';
import { BatchCourse, type SealJob } from './seal-protocol';

export interface SealedScan {
  address: string;
  inspection: ScanInspection;
  sealed: Buffer;
}

/**
 * This thread's copy of a staged file's key, wiped once it is of no more use (the core's own is
 * wiped when the file is discarded). Bytes held in memory are shared with the core's thread, and
 * the staging area's to wipe: they may still be filed again after this batch.
 */
function wipeThreadKey(source: SealJob['source']): void {
  if ('key' in source) source.key.fill(0);
}

/** A staged scan read once (every record verified) and checked (inspectScan: a file that is not a scan, or is damaged, is refused with its reason). */
async function readAndCheck(job: Pick<SealJob, 'source' | 'name'>): Promise<{ plaintext: Buffer; inspection: ScanInspection }> {
  let plaintext: Buffer;
  try {
    plaintext = readWholeStagedFileSync(job.source);
  } finally {
    wipeThreadKey(job.source);
  }
  return { plaintext, inspection: await inspectScan(plaintext, job.name) };
}

/** The store keys were wiped (the filing or session that lent them ended) while this thread still had the file. */
class KeysWiped extends Error {
  constructor() {
    super('the store keys were wiped: the filing has ended');
  }
}

/** Named and sealed with this thread's own copy of the store keys – checked not wiped, and not wiped while it is used. */
function seal(keys: ScanKeys, plaintext: Buffer): { address: string; sealed: Buffer } {
  const [name, content] = [Buffer.from(keys.name), Buffer.from(keys.content)];
  try {
    // Wiped keys are all zero (a key derived so is beyond chance): a file sealed with them would name and hide nothing.
    if (name.every((byte) => byte === 0) || content.every((byte) => byte === 0)) throw new KeysWiped();
    const address = contentAddress(name, plaintext);
    return { address, sealed: sealFile(content, address, plaintext) };
  } finally {
    name.fill(0);
    content.fill(0);
  }
}

/**
 * What a seal thread does with one staged scan: reads and checks it, names it by the keyed hash of
 * its plaintext and seals it under that name – all from the same bytes. Nothing is written here.
 */
export async function sealScan(job: Pick<SealJob, 'source' | 'name' | 'keys'>): Promise<SealedScan> {
  const { plaintext, inspection } = await readAndCheck(job);
  return { inspection, ...seal(scanKeysIn(job.keys), plaintext) };
}

/** The batch was given up before this file was opened: nothing done. */
class BatchStopped extends Error {
  constructor() {
    super('the batch was given up');
  }
}

/**
 * A staged scan checked, then sealed and written durably under a temporary name in the store (the
 * core's thread only puts it in place: ScanFileWriter), so the sealed bytes never cross to it –
 * unless the batch's course says otherwise (BatchCourse).
 */
export async function sealAndWriteScan(job: SealJob): Promise<{ inspection: ScanInspection; written: WrittenFile | null }> {
  const course = new Int32Array(job.course);
  if (Atomics.load(course, 0) === BatchCourse.stop) {
    wipeThreadKey(job.source);
    throw new BatchStopped();
  }
  const { plaintext, inspection } = await readAndCheck(job);
  if (Atomics.load(course, 0) !== BatchCourse.file) return { inspection, written: null };
  const keys = scanKeysIn(job.keys);
  const { address, sealed } = seal(keys, plaintext);
  return { inspection, written: writeSealedFile(job.store, keys, { address, sealed, size: job.source.size }, job.temporary) };
}
