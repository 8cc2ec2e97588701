import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesContaining, filesUnder } from '../../../tests/helpers/files';
import { failSyncWrites } from '../../../tests/helpers/fs-hooks';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { firstMessage, startTsWorker } from '../../../tests/helpers/ts-worker';
import { RECORD_BYTES, SLOT_BYTES, type StagedFileSource, type StagedOnDisk } from './staged-file-format';
import { readStagedFile, readStagedFileHead, readWholeStagedFileSync, stagedFileStream } from './staged-file-reader';
import { STAGING_LIMITS, StagingArea, type StagingLimits } from './staging-area';

const tempDir = useTempDirs();

/** A staging area that writes every file to disk, however small (the files held in memory have tests of their own below). */
function area(limits: Partial<StagingLimits> = {}) {
  const clock = { now: 1_000_000 };
  const root = join(tempDir(), 'staging');
  return { root, clock, staging: new StagingArea(root, () => clock.now, { ...STAGING_LIMITS, heldMaxBytes: -1, ...limits }) };
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of chunks) parts.push(part);
  return Buffer.concat(parts);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Stages `bytes` in chunks of `chunk` bytes and returns the finished file. */
function stage(staging: StagingArea, bytes: Buffer, chunk = 1 << 20, name = 'sheet.csv') {
  const id = staging.begin('import', name, bytes.length);
  for (let offset = 0; offset < bytes.length; offset += chunk) staging.append(id, offset, bytes.subarray(offset, offset + chunk));
  staging.finish(id);
  return staging.get(id, 'import');
}

/** Where a file staged on disk lies. */
function onDisk(source: StagedFileSource): StagedOnDisk {
  if (!('path' in source)) throw new Error('the file is held in memory, not staged on disk');
  return source;
}

describe('the staging area', () => {
  it('takes chunks in order and gives back the same bytes, their size and SHA-256 – whole, streamed or the head', async () => {
    const { staging } = area();
    const bytes = randomBytes(2 * RECORD_BYTES * 17 + 1234);
    const id = staging.begin('import', '客户清单.csv', bytes.length);
    // Chunks that do not line up with the records.
    let offset = 0;
    for (const size of [100_000, 1 << 20, 7, bytes.length]) {
      const part = bytes.subarray(offset, offset + size);
      expect(staging.append(id, offset, part)).toBe(offset + part.length);
      offset += part.length;
    }
    expect(staging.finish(id)).toEqual({ stagedFileId: id, name: '客户清单.csv', size: bytes.length, sha256: sha256(bytes) });

    const file = staging.get(id, 'import');
    expect(file).toMatchObject({ purpose: 'import', size: bytes.length, sha256: sha256(bytes) });
    expect((await collect(readStagedFile(file.source))).equals(bytes)).toBe(true);
    expect((await collect(stagedFileStream(file.source))).equals(bytes)).toBe(true);
    expect((await readStagedFileHead(file.source, 10)).equals(bytes.subarray(0, 10))).toBe(true);
    expect((await readStagedFileHead(file.source, RECORD_BYTES + 5)).equals(bytes.subarray(0, RECORD_BYTES + 5))).toBe(true);
  });

  it('stages an empty file and a file of exactly whole records', async () => {
    const { staging } = area();
    for (const bytes of [Buffer.alloc(0), randomBytes(RECORD_BYTES * 3)]) {
      const file = stage(staging, bytes);
      expect(file.sha256).toBe(sha256(bytes));
      expect((await collect(readStagedFile(file.source))).equals(bytes)).toBe(true);
      expect(await readStagedFileHead(file.source, 100)).toEqual(bytes.subarray(0, 100));
    }
  });

  it('refuses a skipped or a repeated chunk, and goes on from where it is', async () => {
    const { staging } = area();
    const bytes = randomBytes(300);
    const id = staging.begin('import', 'a.csv', 300);
    staging.append(id, 0, bytes.subarray(0, 100));
    expect(() => staging.append(id, 200, bytes.subarray(200))).toThrow(expect.objectContaining({ code: 'CONFLICT', messageEn: expect.stringContaining('expected byte 100, got 200') as string }));
    expect(() => staging.append(id, 0, bytes.subarray(0, 100))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    staging.append(id, 100, bytes.subarray(100));
    expect(staging.finish(id).sha256).toBe(sha256(bytes));
    expect((await collect(readStagedFile(staging.get(id, 'import').source))).equals(bytes)).toBe(true);
  });

  it('enforces the limit as bytes arrive, whatever size was declared', () => {
    const { root, staging } = area({ maxBytes: { ...STAGING_LIMITS.maxBytes, import: 1000 } });
    expect(() => staging.begin('import', 'big.csv', 1001)).toThrow(expect.objectContaining({ code: 'VALIDATION', messageEn: 'Sheet to import: at most 1000 B per file' }));

    // Declared small, then sent more: the chunk that goes beyond is refused, and the file is gone.
    const id = staging.begin('import', 'liar.csv', 10);
    staging.append(id, 0, randomBytes(6));
    expect(() => staging.append(id, 6, randomBytes(5))).toThrow(expect.objectContaining({ code: 'VALIDATION', messageEn: expect.stringContaining('More bytes arrived than the declared size') as string }));
    expect(filesUnder(root)).toEqual([]);
    expect(() => staging.append(id, 6, randomBytes(4))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    // Declared at the limit: nothing past it gets in either.
    const full = staging.begin('import', 'full.csv', 1000);
    staging.append(full, 0, randomBytes(600));
    expect(() => staging.append(full, 600, randomBytes(600))).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses to finish before every declared byte has arrived', () => {
    const { staging } = area();
    const bytes = randomBytes(5000);
    const id = staging.begin('import', 'a.csv', 5000);
    staging.append(id, 0, bytes.subarray(0, 4000));
    expect(() => staging.finish(id)).toThrow(expect.objectContaining({ code: 'CONFLICT', messageEn: 'The file is incomplete: 4000 of 5000 bytes arrived' }));
    staging.append(id, 4000, bytes.subarray(4000));
    expect(staging.finish(id).size).toBe(5000);
    expect(() => staging.append(id, 5000, randomBytes(1))).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('deletes a discarded file and forgets its id', () => {
    const { root, staging } = area();
    const finished = stage(staging, randomBytes(1000));
    const unfinished = staging.begin('import', 'b.csv', 100);
    expect(filesUnder(root).map((f) => basename(f)).sort()).toEqual([finished.stagedFileId, unfinished].sort());
    expect(staging.discard(finished.stagedFileId)).toBe(true);
    expect(staging.discard(unfinished)).toBe(true);
    expect(filesUnder(root)).toEqual([]);
    expect(staging.discard(unfinished)).toBe(false);
    expect(() => staging.get(finished.stagedFileId, 'import')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => staging.append(unfinished, 0, randomBytes(1))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('wipes every file, finished or not, and its folder (at lock, sign-out and shutdown)', async () => {
    const { root, staging } = area();
    const finished = stage(staging, randomBytes(3000));
    staging.append(staging.begin('import', 'b.csv', 100), 0, randomBytes(50));
    expect(filesUnder(root)).toHaveLength(2);
    staging.wipe();
    expect(filesUnder(root)).toEqual([]);
    expect(() => staging.get(finished.stagedFileId, 'import')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    // A reader that kept the source finds nothing left to read.
    await expect(collect(readStagedFile(finished.source))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The area goes on working for a new session.
    expect(stage(staging, Buffer.from('again')).size).toBe(5);
  });

  it('refuses more files at once than its limit', () => {
    const { staging } = area({ maxFiles: 2 });
    const first = staging.begin('import', 'a.csv', 1);
    stage(staging, Buffer.from('b'));
    expect(() => staging.begin('import', 'c.csv', 1)).toThrow(expect.objectContaining({ code: 'CONFLICT', messageEn: expect.stringContaining('at most 2') as string }));
    staging.discard(first);
    expect(staging.begin('import', 'c.csv', 1)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('drops an upload that receives nothing for a while; its id has then expired', () => {
    const { root, clock, staging } = area();
    const stalled = staging.begin('import', 'a.csv', 100);
    const finished = stage(staging, Buffer.from('kept'));
    clock.now += STAGING_LIMITS.staleUploadMs - 1;
    staging.append(stalled, 0, randomBytes(10));
    clock.now += STAGING_LIMITS.staleUploadMs + 1;
    expect(() => staging.append(stalled, 10, randomBytes(10))).toThrow(expect.objectContaining({ code: 'NOT_FOUND', messageEn: expect.stringContaining('expired') as string }));
    expect(filesUnder(root).map((f) => basename(f))).toEqual([finished.stagedFileId]);
    expect(staging.get(finished.stagedFileId, 'import').size).toBe(4);
  });

  it('hands a consumer only a finished file staged for its own purpose', () => {
    const { staging } = area();
    const unfinished = staging.begin('import', 'a.csv', 10);
    expect(() => staging.get(unfinished, 'import')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    const scan = staging.begin('scan', 'page.pdf', 3);
    staging.append(scan, 0, Buffer.from('pdf'));
    staging.finish(scan);
    expect(() => staging.get(scan, 'import')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(staging.get(scan, 'scan').name).toBe('page.pdf');
    expect(() => staging.get('00000000-0000-4000-8000-000000000000', 'import')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('keeps no plaintext and no file name on disk', () => {
    const { root, staging } = area();
    const needle = `客户姓名张三-${randomBytes(4).toString('hex')}`;
    const lines = Array.from({ length: 20_000 }, (_, i) => `${needle},13800138${String(i).padStart(3, '0')}`).join('\n');
    const bytes = Buffer.concat([Buffer.from(lines, 'utf8'), Buffer.from(lines, 'utf16le')]);
    const unfinished = staging.begin('import', `${needle}.csv`, bytes.length);
    staging.append(unfinished, 0, bytes.subarray(0, 300_000));
    stage(staging, bytes, 1 << 20, `${needle}.csv`);
    expect(filesUnder(root)).toHaveLength(2);
    expect(filesContaining(root, needle)).toEqual([]);
    expect(filesUnder(root).filter((f) => f.includes(needle) || f.includes('.csv'))).toEqual([]);
  });

  it('detects a staged file that was altered, cut short, lengthened or reordered on disk', async () => {
    const { staging } = area();
    const bytes = randomBytes(RECORD_BYTES * 3 + 500);
    const source = onDisk(stage(staging, bytes).source);
    const original = readFileSync(source.path);
    const flipped = Buffer.from(original);
    flipped[SLOT_BYTES + 5] = (flipped[SLOT_BYTES + 5] ?? 0) ^ 1;
    const swapped = Buffer.concat([original.subarray(SLOT_BYTES, 2 * SLOT_BYTES), original.subarray(0, SLOT_BYTES), original.subarray(2 * SLOT_BYTES)]);
    const variants = {
      flipped,
      swapped,
      'one byte short': original.subarray(0, original.length - 1),
      'last record dropped': original.subarray(0, 3 * SLOT_BYTES),
      'a record more': Buffer.concat([original, original.subarray(0, SLOT_BYTES)]),
    };
    for (const [what, altered] of Object.entries(variants)) {
      writeFileSync(source.path, altered);
      await expect(collect(readStagedFile(source)), what).rejects.toMatchObject({ code: 'STAGED_FILE_DAMAGED' });
    }
    writeFileSync(source.path, original);
    expect((await collect(readStagedFile(source))).equals(bytes)).toBe(true);
    const wrongKey: StagedFileSource = { ...source, key: randomBytes(32) };
    await expect(readStagedFileHead(wrongKey, 1)).rejects.toMatchObject({ code: 'STAGED_FILE_DAMAGED' });
  });

  it('a worker thread given only the source reads the same bytes, and refuses an altered file', async () => {
    const { staging } = area();
    const bytes = randomBytes(RECORD_BYTES * 5 + 77);
    const source = onDisk(stage(staging, bytes).source);
    const worker = join(import.meta.dirname, '../../../tests/helpers/staged-file-worker.ts');
    const read = await firstMessage<{ bytes: Uint8Array; head: Uint8Array }>(startTsWorker(worker, source));
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(Buffer.from(read.head).equals(bytes.subarray(0, 100))).toBe(true);

    const altered = readFileSync(source.path);
    altered[altered.length - 3] = (altered[altered.length - 3] ?? 0) ^ 0x80;
    writeFileSync(source.path, altered);
    expect(await firstMessage(startTsWorker(worker, source))).toEqual({ error: 'STAGED_FILE_DAMAGED' });
    expect(existsSync(source.path)).toBe(true);
  });

  it('a full disk, at a file’s start or in its middle, is told as DISK_FULL and leaves nothing of the file', () => {
    const { root, staging } = area();
    const inStaging = (path: string) => path.startsWith(root);
    for (const at of ['open', 'write'] as const) {
      const full = failSyncWrites('ENOSPC', inStaging, at);
      try {
        const attempt = () => {
          const id = staging.begin('scan', '一.jpg', 10);
          staging.append(id, 0, randomBytes(10));
          staging.finish(id);
        };
        expect(attempt).toThrow(expect.objectContaining({ code: 'DISK_FULL' }) as Error);
      } finally {
        full.undo();
      }
      expect(existsSync(root) ? filesUnder(root) : []).toEqual([]);
    }
  });
});

describe('a file of one chunk, held in memory', () => {
  const held = () => {
    const clock = { now: 1_000_000 };
    const root = join(tempDir(), 'staging');
    return { root, staging: new StagingArea(root, () => clock.now) };
  };
  const stageScan = (staging: StagingArea, bytes: Buffer, name = '扫描.jpg') => {
    const id = staging.begin('scan', name, bytes.length);
    staging.append(id, 0, bytes);
    staging.finish(id);
    return staging.get(id, 'scan');
  };

  it('is read back whole, streamed, by its head and in a worker thread – and nothing of it is written to disk', async () => {
    const { root, staging } = held();
    const bytes = randomBytes(300_000);
    const file = stageScan(staging, bytes);
    expect(file).toMatchObject({ size: bytes.length, sha256: sha256(bytes) });
    expect('held' in file.source).toBe(true);
    expect(existsSync(root)).toBe(false);
    expect((await collect(readStagedFile(file.source))).equals(bytes)).toBe(true);
    expect((await collect(stagedFileStream(file.source))).equals(bytes)).toBe(true);
    expect(readWholeStagedFileSync(file.source).equals(bytes)).toBe(true);
    expect((await readStagedFileHead(file.source, 100)).equals(bytes.subarray(0, 100))).toBe(true);
    const worker = join(import.meta.dirname, '../../../tests/helpers/staged-file-worker.ts');
    const read = await firstMessage<{ bytes: Uint8Array }>(startTsWorker(worker, file.source));
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    // The bytes were copied as they came: the sender's buffer is its own again.
    bytes.fill(7);
    expect(readWholeStagedFileSync(file.source).equals(bytes)).toBe(false);
  });

  it('up to one chunk; a larger file, sent in chunks, is staged on disk', () => {
    const { root, staging } = held();
    expect('held' in stageScan(staging, randomBytes(STAGING_LIMITS.heldMaxBytes)).source).toBe(true);
    expect(existsSync(root)).toBe(false);
    const large = stage(staging, randomBytes(STAGING_LIMITS.heldMaxBytes + 1));
    expect(filesUnder(root).map((f) => basename(f))).toEqual([large.stagedFileId]);
  });

  it('discarded, wiped at the session’s end, or sent more bytes than declared: forgotten – a reader that kept the source finds it gone, not zeros', async () => {
    const { staging } = held();
    const discarded = stageScan(staging, randomBytes(1000));
    const atEnd = stageScan(staging, randomBytes(1000));
    const unfinished = staging.begin('scan', '半.jpg', 1000);
    staging.append(unfinished, 0, randomBytes(600));
    expect(() => staging.append(unfinished, 600, randomBytes(500))).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => staging.append(unfinished, 600, randomBytes(400))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));

    expect(staging.discard(discarded.stagedFileId)).toBe(true);
    staging.wipe();
    for (const file of [discarded, atEnd]) {
      expect('held' in file.source && file.source.held.byteLength).toBe(0);
      await expect(collect(readStagedFile(file.source))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(() => readWholeStagedFileSync(file.source)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    }
    expect(stageScan(staging, Buffer.from('again')).size).toBe(5);
  });

  it('keeps no plaintext and no name on disk, finished or not', () => {
    const { root, staging } = held();
    const needle = `客户姓名张三-${randomBytes(4).toString('hex')}`;
    stageScan(staging, Buffer.from(needle.repeat(1000)), `${needle}.jpg`);
    staging.append(staging.begin('scan', `${needle}.png`, 500_000), 0, Buffer.from(needle.repeat(100)));
    expect(existsSync(root) ? filesUnder(root) : []).toEqual([]);
  });
});
