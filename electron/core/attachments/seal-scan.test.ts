import { randomBytes } from 'node:crypto';
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failSyncWrites } from '../../../tests/helpers/fs-hooks';
import { watchReads } from '../../../tests/helpers/fs-watch';
import { fakeExe, samplePdf } from '../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { AppError } from '../../../shared/errors';
import { KEY_BYTES, type StagedFileSource } from '../staging/staged-file-format';
import { StagedFileWriter } from '../staging/staged-file-writer';
import { listStoredFiles, readStoredFile, ScanFileWriter, scanKeys, sharedScanKeys, wipeScanKeys, writeSealedFile } from './file-store';
import { sealInto } from './seal-pool';
import { sealScan } from './seal-scan';
import { contentAddress, openSealedFile, sealFile } from './sealed-file';

const tempDir = useTempDirs();
const dataKey = randomBytes(32);

/** A staged file as the staging area leaves it: sealed records under its own key. */
function staged(bytes: Uint8Array): StagedFileSource {
  const key = randomBytes(KEY_BYTES);
  const writer = new StagedFileWriter(join(tempDir(), 'staged'), key);
  writer.write(bytes);
  writer.finish();
  return { path: writer.path, key, size: bytes.length };
}

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

  it('the store keys a seal thread sees are the filing’s own memory: wiped there, they are wiped for the thread too', () => {
    const keys = sharedScanKeys(dataKey);
    const seen = scanKeys(dataKey);
    expect(keys.name.equals(seen.name) && keys.content.equals(seen.content)).toBe(true);
    const view = new Uint8Array(keys.shared);
    wipeScanKeys(keys);
    expect(view.every((byte) => byte === 0)).toBe(true);
  });

  it('on a seal thread: sealed as in this thread and written under a temporary name; a file that is not a scan, a damaged or a vanished staged file each refused with its own code, nothing left', async () => {
    const keys = sharedScanKeys(dataKey);
    const store = join(tempDir(), 'scans');
    const writer = new ScanFileWriter(store);
    try {
      const pdf = await samplePdf(1, 'on a thread');
      const sealed = await sealInto(writer, keys.shared, { source: staged(pdf), name: '一页.pdf' });
      expect(sealed.address).toBe(contentAddress(scanKeys(dataKey).name, pdf));
      expect(listStoredFiles(store).map((f) => f.address)).toEqual([null]);

      const exe = sealInto(writer, keys.shared, { source: staged(fakeExe()), name: '病毒.pdf' });
      await expect(exe).rejects.toThrow(/病毒\.pdf/);
      expect(await codeOf(exe)).toBe('VALIDATION');
      const damaged = staged(pdf);
      writeFileSync(damaged.path, randomBytes(pdf.length + 16));
      expect(await codeOf(sealInto(writer, keys.shared, { source: damaged, name: '坏.pdf' }))).toBe('STAGED_FILE_DAMAGED');
      expect(await codeOf(sealInto(writer, keys.shared, { source: { ...staged(pdf), path: join(tempDir(), 'gone') }, name: '无.pdf' }))).toBe('NOT_FOUND');
      expect(listStoredFiles(store)).toHaveLength(1);

      await writer.finish();
      expect(listStoredFiles(store).map((f) => f.address)).toEqual([sealed.address]);
      expect(readStoredFile(store, scanKeys(dataKey), sealed.address, pdf.length).equals(pdf)).toBe(true);
    } finally {
      wipeScanKeys(keys);
    }
  });

  it('a batch: the same content twice is put in place once; a whole copy in place is kept (made young); an abandoned batch leaves nothing', async () => {
    const keys = sharedScanKeys(dataKey);
    const store = join(tempDir(), 'scans');
    try {
      const [one, two] = [await samplePdf(1, 'first'), await samplePdf(1, 'second')];
      const first = new ScanFileWriter(store);
      const a = await sealInto(first, keys.shared, { source: staged(one), name: 'a.pdf' });
      await sealInto(first, keys.shared, { source: staged(one), name: 'a-again.pdf' });
      expect(listStoredFiles(store).filter((f) => f.address === null)).toHaveLength(2);
      await first.finish();
      expect(listStoredFiles(store).map((f) => f.address)).toEqual([a.address]);

      const old = new Date(Date.now() - 3_600_000);
      const place = listStoredFiles(store)[0]?.path ?? '';
      utimesSync(place, old, old);
      const second = new ScanFileWriter(store);
      await sealInto(second, keys.shared, { source: staged(one), name: 'a-third.pdf' });
      const b = await sealInto(second, keys.shared, { source: staged(two), name: 'b.pdf' });
      expect(statSync(place).mtimeMs).toBeGreaterThan(old.getTime());
      await second.abandon();
      expect(listStoredFiles(store).map((f) => f.address)).toEqual([a.address]);
      expect(listStoredFiles(store).some((f) => f.address === b.address)).toBe(false);
    } finally {
      wipeScanKeys(keys);
    }
  });

  it('the store’s disk full or read-only as a file is written: told as such (not as a sealing failure), and no temporary file is left', () => {
    const store = join(tempDir(), 'scans');
    const keys = scanKeys(dataKey);
    const plaintext = randomBytes(100_000);
    const address = contentAddress(keys.name, plaintext);
    const file = { address, sealed: sealFile(keys.content, address, plaintext), size: plaintext.length };
    const inStore = (path: string) => path.startsWith(store);
    for (const [code, at, expected] of [['ENOSPC', 'write', 'DISK_FULL'], ['ENOSPC', 'open', 'DISK_FULL'], ['EROFS', 'open', 'READ_ONLY']] as const) {
      const fault = failSyncWrites(code, inStore, at);
      try {
        expect(() => writeSealedFile(store, keys, file)).toThrow(expect.objectContaining({ code: expected }));
      } finally {
        fault.undo();
      }
      expect(listStoredFiles(store)).toEqual([]);
    }
    const written = writeSealedFile(store, keys, file);
    expect(written.temporary).not.toBeNull();
  });
});

