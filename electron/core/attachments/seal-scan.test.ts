import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failPromiseCalls, failSyncWrites } from '../../../tests/helpers/fs-hooks';
import { watchReads } from '../../../tests/helpers/fs-watch';
import { fakeExe, samplePdf, samplePng } from '../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { AppError } from '../../../shared/errors';
import { forgetStagedFile, KEY_BYTES, type StagedFileSource, type StagedOnDisk } from '../staging/staged-file-format';
import { StagedFileWriter } from '../staging/staged-file-writer';
import type { StagedFile } from '../staging/staging-area';
import { listStoredFiles, readStoredFile, ScanFileWriter, scanKeys, sharedScanKeys, wipeScanKeys, writeSealedFile } from './file-store';
import { SealAhead } from './seal-ahead';
import { SealBatch } from './seal-batch';
import { BatchCourse } from './seal-protocol';
import { sealAndWriteScan, sealScan } from './seal-scan';
import { contentAddress, openSealedFile, sealFile } from './sealed-file';

const tempDir = useTempDirs();
const dataKey = randomBytes(32);

/** A staged file as the staging area leaves it: sealed records under its own key. */
function staged(bytes: Uint8Array): StagedOnDisk {
  const key = randomBytes(KEY_BYTES);
  const writer = new StagedFileWriter(join(tempDir(), 'staged'), key);
  writer.write(bytes);
  writer.finish();
  return { path: writer.path, key, size: bytes.length };
}

/** A page held in memory, and discarded since. */
function forgotten(bytes: Uint8Array): StagedFileSource {
  const source = { held: Buffer.from(bytes), size: bytes.length };
  forgetStagedFile(source);
  return source;
}

/** A finished staged scan, as a filing takes it from the staging area. */
function scan(source: StagedFileSource, name: string): StagedFile {
  return { stagedFileId: randomUUID(), name, size: source.size, sha256: '', purpose: 'scan', source };
}

/** A store's filings, with no scan sealed ahead (seal-ahead.test.ts has those). */
const filings = (store: string) => new SealAhead(store, dataKey, () => false);

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'filed', (error: unknown) => (error instanceof AppError ? error.code : String(error)));

describe('a staged scan sealed for the store', () => {
  it('is read once, and what was checked is what is sealed, under the keyed hash of its plaintext', async () => {
    const pdf = await samplePdf(2, 'sealed once');
    const source = staged(pdf);
    const stagedKey = Buffer.from(source.key);
    const keys = sharedScanKeys(dataKey);
    const reads = watchReads((path) => path === source.path);
    try {
      const scan = await sealScan({ source, name: '合同.pdf', keys: keys.shared });
      expect(reads.seen).toEqual([source.path]);
      expect(scan.inspection).toMatchObject({ mediaType: 'application/pdf', pages: 2 });
      const expected = scanKeys(dataKey);
      expect(scan.address).toBe(contentAddress(expected.name, pdf));
      expect(openSealedFile(expected.content, scan.address, scan.sealed, pdf.length).equals(pdf)).toBe(true);
      // The thread's copy of the staged file's key is wiped once read.
      expect(source.key.every((byte) => byte === 0)).toBe(true);
      expect(stagedKey.some((byte) => byte !== 0)).toBe(true);
    } finally {
      reads.undo();
      wipeScanKeys(keys);
    }
  });

  it('store keys wiped (the filing or session that lent them has ended) are never used: nothing is sealed or written with them', async () => {
    const store = join(tempDir(), 'scans');
    const keys = sharedScanKeys(dataKey);
    wipeScanKeys(keys);
    const temporary = new ScanFileWriter(store).name();
    const job = { source: staged(await samplePdf(1, 'wiped')), name: '一.pdf', store, temporary, keys: keys.shared, course: new SharedArrayBuffer(4) };
    await expect(sealAndWriteScan(job)).rejects.toThrow(/wiped/);
    expect(existsSync(temporary)).toBe(false);
  });

  it('the store keys a seal thread sees are the filing’s own memory: wiped there, they are wiped for the thread too', () => {
    const keys = sharedScanKeys(dataKey);
    const seen = scanKeys(dataKey);
    expect(keys.name.equals(seen.name) && keys.content.equals(seen.content)).toBe(true);
    const view = new Uint8Array(keys.shared);
    wipeScanKeys(keys);
    expect(view.every((byte) => byte === 0)).toBe(true);
  });

  it('in a batch, on a seal thread: sealed as in this thread, written under a temporary name, and put in place when the batch ends well', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'on a thread');
    const address = await SealBatch.run(filings(store), async (batch) => {
      const sealed = await batch.seal(scan(staged(pdf), '一页.pdf'));
      expect(sealed.address).toBe(contentAddress(scanKeys(dataKey).name, pdf));
      expect(listStoredFiles(store).map((f) => f.address)).toEqual([null]);
      return sealed.address;
    });
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([address]);
    expect(readStoredFile(store, scanKeys(dataKey), address ?? '', pdf.length).equals(pdf)).toBe(true);
  });

  it('a page held in memory (staged in one chunk) is sealed on a thread from its bytes, as one staged on disk is; the staging area’s bytes stay its own', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'held in memory');
    const held = { held: Buffer.from(pdf), size: pdf.length };
    const [fromMemory, fromDisk] = await SealBatch.run(filings(store), (batch) => Promise.all([batch.seal(scan(held, '内存.pdf')), batch.seal(scan(staged(pdf), '磁盘.pdf'))]));
    expect(fromMemory).toEqual(fromDisk);
    expect(fromMemory.address).toBe(contentAddress(scanKeys(dataKey).name, pdf));
    expect(held.held.equals(pdf)).toBe(true);
    expect(readStoredFile(store, scanKeys(dataKey), fromMemory.address ?? '', pdf.length).equals(pdf)).toBe(true);
  });

  it('a page held in memory, left alone by a batch that has failed, is still there to be filed again (its bytes are shared with the thread, and the staging area’s to wipe)', async () => {
    const pdf = await samplePdf(1, 'left for the retry');
    const shared = new Uint8Array(new SharedArrayBuffer(pdf.length));
    shared.set(pdf);
    const stopped = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stopped, 0, BatchCourse.stop);
    const keys = sharedScanKeys(dataKey);
    try {
      const store = join(tempDir(), 'scans');
      const job = { source: { held: shared, size: pdf.length }, name: '一.pdf', store, temporary: new ScanFileWriter(store).name(), keys: keys.shared, course: stopped.buffer };
      await expect(sealAndWriteScan(job)).rejects.toThrow(/given up/);
      expect(Buffer.from(shared).equals(pdf)).toBe(true);
      expect(job.source.held).toBe(shared);
    } finally {
      wipeScanKeys(keys);
    }
  });

  it('a file that is not a scan, a damaged and a vanished staged file: each refused with its own code, and nothing of the batch is left', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'refused');
    const damaged = staged(pdf);
    writeFileSync(damaged.path, randomBytes(pdf.length + 16));
    const cases = [
      [scan(staged(fakeExe()), '病毒.pdf'), 'VALIDATION'],
      [scan(damaged, '坏.pdf'), 'STAGED_FILE_DAMAGED'],
      [scan({ ...staged(pdf), path: join(tempDir(), 'gone') }, '无.pdf'), 'NOT_FOUND'],
      [scan(forgotten(pdf), '已放弃.pdf'), 'NOT_FOUND'],
    ] as const;
    for (const [bad, code] of cases) {
      const batch = SealBatch.run(filings(store), async (b) => {
        await b.seal(scan(staged(pdf), '好.pdf'));
        return b.seal(bad);
      });
      expect(await codeOf(batch)).toBe(code);
      if (code === 'VALIDATION') await expect(batch).rejects.toThrow(/病毒\.pdf/);
      expect(listStoredFiles(store)).toEqual([]);
    }
  });

  it('once a file is refused, the batch’s other files are only checked – each still says its reason – and none is written', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'only checked');
    const outcome = SealBatch.run(filings(store), async (batch) => {
      expect(await codeOf(batch.seal(scan(staged(fakeExe()), '病毒.pdf')))).toBe('VALIDATION');
      const [good, alsoBad] = await Promise.allSettled([batch.seal(scan(staged(pdf), '好.pdf')), batch.seal(scan(staged(fakeExe()), '又一个.pdf'))]);
      expect(good).toMatchObject({ status: 'fulfilled', value: { address: null, inspection: { mediaType: 'application/pdf' } } });
      expect(alsoBad).toMatchObject({ status: 'rejected', reason: { code: 'VALIDATION' } });
      throw new AppError('VALIDATION', { zh: '本批不归档', en: 'The batch is not filed' });
    });
    expect(await codeOf(outcome)).toBe('VALIDATION');
    // Not even a prefix folder: the good file was never written.
    expect(existsSync(store) ? readdirSync(store) : []).toEqual([]);
  });

  it('once a batch has failed, files not yet opened are left alone and told with the batch’s own failure; a batch ended with a file refused but not said is not filed', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'left alone');
    const outcome = SealBatch.run(filings(store), async (batch) => {
      const first: unknown = await batch.seal(scan({ ...staged(pdf), path: join(tempDir(), 'gone') }, '无.pdf')).catch((error: unknown) => error);
      expect(first).toMatchObject({ code: 'NOT_FOUND' });
      // Had the thread opened it, it would have come back checked (unwritten), not failed.
      await expect(batch.seal(scan(staged(pdf), '好.pdf'))).rejects.toBe(first);
      return 'filed';
    });
    expect(await codeOf(outcome)).toBe('INTERNAL');
    expect(existsSync(store) ? readdirSync(store) : []).toEqual([]);
  });

  it('a batch: the same content twice is put in place once; a whole copy in place is kept (made young); a batch whose work fails leaves nothing', async () => {
    const store = join(tempDir(), 'scans');
    const [one, two] = [await samplePdf(1, 'first'), await samplePdf(1, 'second')];
    const a = await SealBatch.run(filings(store), async (batch) => {
      const first = await batch.seal(scan(staged(one), 'a.pdf'));
      await batch.seal(scan(staged(one), 'a-again.pdf'));
      expect(listStoredFiles(store).filter((f) => f.address === null)).toHaveLength(2);
      return first.address;
    });
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([a]);

    const old = new Date(Date.now() - 3_600_000);
    const place = listStoredFiles(store)[0]?.path ?? '';
    utimesSync(place, old, old);
    let b: string | null = null;
    const failed = SealBatch.run(filings(store), async (batch) => {
      await batch.seal(scan(staged(one), 'a-third.pdf'));
      b = (await batch.seal(scan(staged(two), 'b.pdf'))).address;
      expect(statSync(place).mtimeMs).toBeGreaterThan(old.getTime());
      throw new Error('the filing failed');
    });
    await expect(failed).rejects.toThrow('the filing failed');
    expect(b).not.toBeNull();
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([a]);
  });

  it('the store’s disk full or read-only as a file is written: told as such (not as a sealing failure), and no temporary file is left', () => {
    const store = join(tempDir(), 'scans');
    const keys = scanKeys(dataKey);
    const plaintext = randomBytes(100_000);
    const address = contentAddress(keys.name, plaintext);
    const file = { address, sealed: sealFile(keys.content, address, plaintext), size: plaintext.length };
    const inStore = (path: string) => path.startsWith(store);
    const writer = new ScanFileWriter(store);
    for (const [code, at, expected] of [['ENOSPC', 'write', 'DISK_FULL'], ['ENOSPC', 'open', 'DISK_FULL'], ['EROFS', 'open', 'READ_ONLY']] as const) {
      const fault = failSyncWrites(code, inStore, at);
      try {
        expect(() => writeSealedFile(store, keys, file, writer.name())).toThrow(expect.objectContaining({ code: expected }));
      } finally {
        fault.undo();
      }
      expect(listStoredFiles(store)).toEqual([]);
    }
    const written = writeSealedFile(store, keys, file, writer.name());
    expect(written.temporary).not.toBeNull();
  });

  it('the disk filling up as the batch is put in place: told as such, and no temporary file is left; a temporary that cannot be removed does not hide why the batch failed', async () => {
    const store = join(tempDir(), 'scans');
    const pdfs = [await samplePdf(1, 'one'), await samplePdf(1, 'two'), await samplePdf(1, 'three')];
    const sealAll = (batch: SealBatch) => Promise.all(pdfs.map((pdf, i) => batch.seal(scan(staged(pdf), `${i}.pdf`))));
    const full = failPromiseCalls(['rename'], 'ENOSPC', (path) => path.startsWith(store), 1);
    try {
      expect(await codeOf(SealBatch.run(filings(store), sealAll))).toBe('DISK_FULL');
      expect(full.refused()).toBeGreaterThan(0);
    } finally {
      full.undo();
    }
    // The one renamed before the disk filled up stays, recorded nowhere (verify collects it); no temporary file.
    expect(listStoredFiles(store).filter((f) => f.address === null)).toEqual([]);

    const held = failPromiseCalls(['rm'], 'EACCES', (path) => path.startsWith(store));
    try {
      const refused = SealBatch.run(filings(store), async (batch) => {
        await sealAll(batch);
        throw new AppError('VALIDATION', { zh: '本批不归档', en: 'The batch is not filed' });
      });
      expect(await codeOf(refused)).toBe('VALIDATION');
      expect(held.refused()).toBe(3);
    } finally {
      held.undo();
    }
  });

  it('the same content put in place by another batch meanwhile, and the rename over it refused (a virus scanner holding it): the batch is filed, the copy in place serves, no temporary is left', async () => {
    const store = join(tempDir(), 'scans');
    const pdf = await samplePdf(1, 'filed twice at once');
    const held: { hook: ReturnType<typeof failPromiseCalls> | null } = { hook: null };
    const filed = await SealBatch.run(filings(store), async (later) => {
      const sealed = await later.seal(scan(staged(pdf), '后.pdf'));
      // Meanwhile another batch seals the same content (no copy in place yet) and puts it in place.
      const first = await SealBatch.run(filings(store), (earlier) => earlier.seal(scan(staged(pdf), '先.pdf')));
      expect(first.address).toBe(sealed.address);
      held.hook = failPromiseCalls(['rename'], 'EACCES', (path) => path.startsWith(store));
      return sealed;
    }).finally(() => held.hook?.undo());
    expect(held.hook?.refused()).toBe(1);
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([filed.address]);
    expect(readStoredFile(store, scanKeys(dataKey), filed.address ?? '', pdf.length).equals(pdf)).toBe(true);

    // Refused where nothing is in place: the store is not writable, and that is what is told.
    const refused = failPromiseCalls(['rename'], 'EACCES', (path) => path.startsWith(store));
    try {
      expect(await codeOf(SealBatch.run(filings(store), (batch) => batch.seal(scan(staged(samplePng()), '新.png'))))).toBe('READ_ONLY');
    } finally {
      refused.undo();
    }
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([filed.address]);
  });

  it('a file whose seal thread never answered (given up mid-write): its temporary file is a leftover verify sees, and the batch’s end removes it', async () => {
    const store = join(tempDir(), 'scans');
    const writer = new ScanFileWriter(store);
    const keys = scanKeys(dataKey);
    const plaintext = randomBytes(10_000);
    const address = contentAddress(keys.name, plaintext);
    const half = writer.name();
    mkdirSync(store, { recursive: true });
    writeFileSync(half, randomBytes(5_000));
    const whole = writeSealedFile(store, keys, { address, sealed: sealFile(keys.content, address, plaintext), size: plaintext.length }, writer.name());
    expect(listStoredFiles(store).map((f) => f.address)).toEqual([null, null]);
    writer.accept(whole);
    await writer.abandon();
    expect(readdirSync(store)).toEqual([]);
  });
});

