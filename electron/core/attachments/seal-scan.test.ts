import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchReads } from '../../../tests/helpers/fs-watch';
import { fakeExe, samplePdf } from '../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { AppError } from '../../../shared/errors';
import { KEY_BYTES, type StagedFileSource } from '../staging/staged-file-format';
import { StagedFileWriter } from '../staging/staged-file-writer';
import { scanKeys, sharedScanKeys, wipeScanKeys } from './file-store';
import { sealOnThread } from './seal-pool';
import { sealScan } from './seal-scan';
import { contentAddress, openSealedFile } from './sealed-file';

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

  it('on a seal thread: sealed as in this thread; a file that is not a scan, a damaged or a vanished staged file each refused with its own code', async () => {
    const keys = sharedScanKeys(dataKey);
    try {
      const pdf = await samplePdf(1, 'on a thread');
      const sealed = await sealOnThread({ source: staged(pdf), name: '一页.pdf', keys: keys.shared });
      expect(sealed.address).toBe(contentAddress(scanKeys(dataKey).name, pdf));
      expect(openSealedFile(scanKeys(dataKey).content, sealed.address, sealed.sealed, pdf.length).equals(pdf)).toBe(true);

      const exe = sealOnThread({ source: staged(fakeExe()), name: '病毒.pdf', keys: keys.shared });
      await expect(exe).rejects.toThrow(/病毒\.pdf/);
      expect(await codeOf(exe)).toBe('VALIDATION');

      const damaged = staged(pdf);
      writeFileSync(damaged.path, randomBytes(pdf.length + 16));
      expect(await codeOf(sealOnThread({ source: damaged, name: '坏.pdf', keys: keys.shared }))).toBe('STAGED_FILE_DAMAGED');
      expect(await codeOf(sealOnThread({ source: { ...staged(pdf), path: join(tempDir(), 'gone') }, name: '无.pdf', keys: keys.shared }))).toBe('NOT_FOUND');
    } finally {
      wipeScanKeys(keys);
    }
  });
});
