import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { call, newArchive, ok, stageBytes } from '../../../tests/helpers/core';
import { waitFor } from '../../../tests/helpers/inbox-folder';
import { fakeExe, samplePdf } from '../../../tests/helpers/scan-files';
import { scansIn, serviceDossier } from '../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Core } from '../core';
import { KEY_BYTES } from '../staging/staged-file-format';
import { StagedFileWriter } from '../staging/staged-file-writer';
import type { StagedFile } from '../staging/staging-area';
import { listStoredFiles } from './file-store';
import { SealAhead } from './seal-ahead';
import type * as SealPool from './seal-pool';

/** Every job given to the seal threads, with its outcome and whether the store keys it was lent were still whole when it was answered. */
const jobs: { outcome: Promise<unknown>; keysWholeWhenAnswered?: boolean; keys: SharedArrayBuffer }[] = [];
vi.mock('./seal-pool', async (importOriginal) => {
  const real = await importOriginal<typeof SealPool>();
  return {
    ...real,
    sealOnThread: (job: Parameters<typeof real.sealOnThread>[0]) => {
      const outcome = real.sealOnThread(job);
      const entry: (typeof jobs)[number] = { outcome, keys: job.keys };
      void outcome.finally(() => (entry.keysWholeWhenAnswered = new Uint8Array(job.keys).some((byte) => byte !== 0))).catch(() => undefined);
      jobs.push(entry);
      return outcome;
    },
  };
});

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

beforeEach(async () => {
  jobs.length = 0;
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = await serviceDossier(core);
});

const store = () => join(dir, 'scans');
const temporaries = () => listStoredFiles(store()).filter((f) => f.address === null);
const stageScan = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');
/** Every job given to the seal threads so far has been answered. */
const answered = () => Promise.allSettled(jobs.map((job) => job.outcome));

describe('a scan sealed ahead of its filing', () => {
  it('is checked, sealed and written as soon as it is staged; its filing puts that very file in place, nothing sealed twice', async () => {
    const ids = [await stageScan('一.pdf', await samplePdf(2, 'one')), await stageScan('二.pdf', await samplePdf(1, 'two')), await stageScan('三.pdf', await samplePdf(1, 'three'))];
    await answered();
    expect(jobs).toHaveLength(3);
    const written = new Set(temporaries().map((f) => statSync(f.path).ino));
    expect(written.size).toBe(3);
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    expect(filed.files.map((f) => f.stored)).toEqual(['new', 'new', 'new']);
    expect(jobs).toHaveLength(3);
    // Renamed into place: the same files on disk.
    expect(new Set(scansIn(dir).map((path) => statSync(path).ino))).toEqual(written);
    expect(temporaries()).toEqual([]);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
  });

  it('a staged scan discarded, and the session’s end, remove what was written for them; closing waits for the threads', async () => {
    const kept = await stageScan('留.pdf', await samplePdf(1, 'kept'));
    const dropped = await stageScan('弃.pdf', await samplePdf(1, 'dropped'));
    await answered();
    expect(temporaries()).toHaveLength(2);
    await ok(core, 'staging:discard', { stagedFileId: dropped });
    await vi.waitFor(() => expect(temporaries()).toHaveLength(1));
    await ok(core, 'session:lock', {});
    await vi.waitFor(() => expect(temporaries()).toEqual([]));
    expect(jobs.every((job) => job.keysWholeWhenAnswered)).toBe(true);
    expect(new Uint8Array(jobs[0]?.keys ?? new SharedArrayBuffer(1)).every((byte) => byte === 0)).toBe(true);
    expect(kept).not.toBe(dropped);

    // Closed while the threads still have the files: it returns once they are done, and nothing is left.
    await ok(core, 'session:login', { login: 'admin', password: 'admin-password-1' });
    jobs.length = 0;
    for (let i = 0; i < 6; i += 1) await stageScan(`页${i}.pdf`, await samplePdf(1, `page ${i}`));
    await core.close();
    expect(listStoredFiles(store())).toEqual([]);
    expect(jobs.every((job) => job.keysWholeWhenAnswered)).toBe(true);
  });

  it('a refusal known since staging is its filing’s refusal, with the reason; the good file sealed ahead is removed, and files again later', async () => {
    const good = await stageScan('好.pdf', await samplePdf(1, 'good'));
    const bad = await stageScan('坏.pdf', fakeExe());
    await answered();
    expect(temporaries()).toHaveLength(1);
    const refused = await call(core, 'scan:add', { archiveNumber, stagedFileIds: [good, bad] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('坏.pdf') as unknown } });
    expect(listStoredFiles(store())).toEqual([]);
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [good] });
    expect(scansIn(dir)).toHaveLength(1);
    expect(temporaries()).toEqual([]);
  });

  it('what was sealed ahead but is gone by the filing – its temporary collected, or the copy found in place erased since – is sealed again', async () => {
    const pdf = await samplePdf(1, 'gone since');
    const first = await stageScan('一.pdf', pdf);
    await answered();
    for (const file of temporaries()) rmSync(file.path);
    await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [first] });
    expect(jobs).toHaveLength(2);
    const [inPlace] = scansIn(dir);

    // The same content again: found in place when sealed ahead (nothing written), then removed before the filing.
    const again = await stageScan('又一.pdf', pdf);
    await answered();
    expect(temporaries()).toEqual([]);
    rmSync(inPlace as string);
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [again] });
    expect(filed.files.map((f) => f.stored)).toEqual(['duplicate']);
    expect(jobs).toHaveLength(4);
    expect(existsSync(inPlace as string)).toBe(true);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
  });

  it('a sealing that failed at staging for another reason than the file’s own (the store could not be written then) is done again at the filing', async () => {
    if (existsSync(store())) renameSync(store(), `${store()}-aside`);
    writeFileSync(store(), 'not a folder');
    const id = await stageScan('一.pdf', await samplePdf(1, 'blocked'));
    await answered();
    await expect(jobs[0]?.outcome).rejects.toThrow();
    rmSync(store());
    if (existsSync(`${store()}-aside`)) renameSync(`${store()}-aside`, store());
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [id] });
    expect(filed.files).toHaveLength(1);
    expect(jobs).toHaveLength(2);
    expect(scansIn(dir)).toHaveLength(1);
  });
});

describe('scans sealed ahead, filed from the scanner’s folder', () => {
  it('the inbox stages each file and files it at once: each is sealed once, ahead, and nothing is left', async () => {
    const folder = join(tempDir(), 'scanner-out');
    mkdirSync(folder);
    await ok(core, 'settings:update', { scanInbox: { folder, afterFiling: 'remove', moveTo: '已归档', polling: false, stableSeconds: 1 } });
    writeFileSync(join(folder, 'IMG_0001.pdf'), await samplePdf(1, 'inbox one'));
    writeFileSync(join(folder, 'IMG_0002.pdf'), await samplePdf(2, 'inbox two'));
    await waitFor(() => ok(core, 'inbox:list', {}), (view) => view.entries.length === 2 && view.entries.every((e) => e.state === 'scan'));
    jobs.length = 0;
    const filed = await ok(core, 'inbox:file', { names: ['IMG_0001.pdf', 'IMG_0002.pdf'], archiveNumber });
    expect(filed.filings.flatMap((f) => f.files.map((file) => file.name))).toEqual(['IMG_0001.pdf', 'IMG_0002.pdf']);
    expect(jobs).toHaveLength(2);
    expect(scansIn(dir)).toHaveLength(2);
    expect(temporaries()).toEqual([]);
  });
});

describe('SealAhead on its own', () => {
  it('files too large for the filing, or while the archive may not be written, are not sealed ahead; nor anything after its close', async () => {
    const root = join(tempDir(), 'scans');
    mkdirSync(root);
    const file = (size: number): StagedFile => {
      const key = randomBytes(KEY_BYTES);
      const writer = new StagedFileWriter(join(tempDir(), 'staged'), key);
      writer.write(randomBytes(size));
      writer.finish();
      return { stagedFileId: randomUUID(), name: 'x.pdf', size, sha256: '', purpose: 'scan', source: { path: writer.path, key, size } };
    };
    const ahead = new SealAhead(root, randomBytes(32), (staged) => staged.size < 1000);
    ahead.finished(file(2000));
    ahead.finished({ ...file(10), purpose: 'import' });
    expect(jobs).toHaveLength(0);
    const small = file(10);
    ahead.finished(small);
    expect(jobs).toHaveLength(1);
    await ahead.close();
    ahead.finished(file(10));
    expect(jobs).toHaveLength(1);
    expect(ahead.take(small.stagedFileId)).toBeNull();
  });

  it('closed while its files are still with the threads: the keys are wiped only once every thread has answered, and nothing is left in the store', async () => {
    const root = join(tempDir(), 'scans');
    const ahead = new SealAhead(root, randomBytes(32), () => true);
    for (let i = 0; i < 8; i += 1) {
      const pdf = await samplePdf(1, `closing ${i} ${'x'.repeat(200_000)}`);
      const key = randomBytes(KEY_BYTES);
      const writer = new StagedFileWriter(join(tempDir(), 'staged'), key);
      writer.write(pdf);
      writer.finish();
      ahead.finished({ stagedFileId: randomUUID(), name: `${i}.pdf`, size: pdf.length, sha256: '', purpose: 'scan', source: { path: writer.path, key, size: pdf.length } });
    }
    await ahead.close();
    expect(jobs).toHaveLength(8);
    expect(jobs.map((job) => job.keysWholeWhenAnswered)).toEqual(Array(8).fill(true));
    expect(new Uint8Array(jobs[0]?.keys ?? new SharedArrayBuffer(1)).every((byte) => byte === 0)).toBe(true);
    expect(listStoredFiles(root)).toEqual([]);
  });
});
