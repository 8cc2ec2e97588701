import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { STAGING_CHUNK_BYTES } from '../../../../shared/contract';
import { call, newArchive, ok, stageBytes } from '../../../../tests/helpers/core';
import { watchCiphers } from '../../../../tests/helpers/crypto-watch';
import { watchOpens, watchReads } from '../../../../tests/helpers/fs-watch';
import { listStoredFiles } from '../../attachments/file-store';
import { fakeExe, samplePdf, samplePng } from '../../../../tests/helpers/scan-files';
import { scansIn, serviceDossier } from '../../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

beforeEach(async () => {
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = await serviceDossier(core);
});

const storedScans = () => scansIn(dir);
const stageScan = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');
const inStaging = (path: string) => path.startsWith(join(dir, 'staging') + sep);
const stagingFiles = () => (existsSync(join(dir, 'staging')) ? readdirSync(join(dir, 'staging'), { recursive: true, encoding: 'utf8' }).map((name) => join(dir, 'staging', name)).filter((path) => statSync(path).isFile()) : []);

describe('scan:add, the way through', () => {
  it('the files are opened, checked and sealed on the seal threads: the core’s own thread opens no staged file and makes no cipher for them', async () => {
    // The third is larger than a chunk: staged on disk (the others are held in memory).
    const ids = [await stageScan('一.pdf', await samplePdf(2, 'one')), await stageScan('二.png', samplePng()), await stageScan('三.pdf', await samplePdf(1, `three ${'x'.repeat(STAGING_CHUNK_BYTES)}`))];
    expect(stagingFiles()).toHaveLength(1);
    const opens = watchOpens(inStaging);
    const reads = watchReads(inStaging);
    const ciphers = watchCiphers();
    try {
      await ok(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    } finally {
      opens.undo();
      reads.undo();
      ciphers.undo();
    }
    // Each file is read once, on a seal thread (seal-scan.test.ts), and checked and sealed from the same bytes.
    expect([...opens.seen, ...reads.seen]).toEqual([]);
    // Before, each file took at least two here (its staged records opened, its sealed ones made); what is left is the write's own (the archive's high-water mark).
    expect(ciphers.made).toBeLessThan(ids.length);
    expect(storedScans()).toHaveLength(3);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
  });

  it('a batch refused at its last file leaves nothing in the store – not even a temporary file of those written before', async () => {
    const ids = [await stageScan('好的一.pdf', await samplePdf(1, 'a')), await stageScan('好的二.png', samplePng()), await stageScan('坏的.jpg', fakeExe())];
    const result = await call(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '坏的.jpg' }] } });
    expect(storedScans()).toEqual([]);
    expect((await ok(core, 'scan:list', { archiveNumber })).documents).toEqual([]);
  });

  it('a batch refused at its first file: the others are still checked and their reasons said, but none is put in place – nothing is left in the store, not even a prefix folder', async () => {
    await ok(core, 'settings:update', { scanMaxMegabytes: 1 });
    const ids = [await stageScan('大的.pdf', await samplePdf(1, 'x'.repeat(1024 * 1024)))];
    for (let i = 0; i < 5; i += 1) ids.push(await stageScan(`好的${i}.pdf`, await samplePdf(1, `good ${i}`)));
    ids.push(await stageScan('坏的.jpg', fakeExe()));
    const result = await call(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: '大的.pdf' }, { path: '坏的.jpg' }] } });
    expect(existsSync(join(dir, 'scans')) ? readdirSync(join(dir, 'scans')) : []).toEqual([]);
    // Nothing was lost: the good ones file once the large one is left out.
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: ids.slice(1, 6) });
    expect(filed.files).toHaveLength(5);
  });

  it('a seal thread failing midway through a batch (a staged file damaged since): nothing is put in place or recorded, no temporary file of the others is left, and they can be filed again', async () => {
    const ids = [];
    for (let i = 0; i < 6; i += 1) {
      // The fourth is larger than a chunk: staged on disk (the others are held in memory), and damaged there.
      const text = i === 3 ? `page ${i} ${'x'.repeat(STAGING_CHUNK_BYTES)}` : `page ${i}`;
      const before = new Set(stagingFiles());
      ids.push(await stageScan(`页${i}.pdf`, await samplePdf(1, text)));
      const staged = stagingFiles().filter((name) => !before.has(name));
      expect(staged).toHaveLength(i === 3 ? 1 : 0);
      if (i === 3) writeFileSync(staged[0] as string, randomBytes(2000));
    }
    const result = await call(core, 'scan:add', { archiveNumber, stagedFileIds: ids });
    expect(result).toMatchObject({ ok: false, error: { code: 'STAGED_FILE_DAMAGED' } });
    expect(listStoredFiles(join(dir, 'scans'))).toEqual([]);
    expect((await ok(core, 'scan:list', { archiveNumber })).documents).toEqual([]);
    const others = ids.filter((_, i) => i !== 3);
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: others });
    expect(filed.files.map((f) => f.stored)).toEqual(Array(5).fill('new'));
    expect(storedScans()).toHaveLength(5);
  });

  it('the same content twice in one batch is stored once; the second is told as a duplicate and still filed', async () => {
    const pdf = await samplePdf(2, 'twice');
    const filed = await ok(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageScan('甲.pdf', pdf), await stageScan('乙.pdf', pdf), await stageScan('丙.png', samplePng())] });
    expect(filed.files.map((f) => [f.name, f.stored])).toEqual([
      ['甲.pdf', 'new'],
      ['乙.pdf', 'duplicate'],
      ['丙.png', 'new'],
    ]);
    expect(storedScans()).toHaveLength(2);
    const documents = (await ok(core, 'scan:list', { archiveNumber })).documents;
    expect(documents.map((d) => d.pages.length)).toEqual([2, 2, 1]);
    // Each file its own document, opened with its page count (the loan return checks it).
    const counted = (await ok(core, 'dossier:get', { archiveNumber })).documents.filter((d) => filed.documents.some((f) => f.id === d.id));
    expect(counted.map((d) => d.pages)).toEqual([2, 2, 1]);
  });

  it('a batch onto one checklist item goes to one document, its pages in the order filed', async () => {
    const ids = [await stageScan('第一.pdf', await samplePdf(2, 'x')), await stageScan('第二.png', samplePng()), await stageScan('第三.pdf', await samplePdf(1, 'y'))];
    const filed = await ok(core, 'scan:add', { archiveNumber, checklistItem: 'receptionSheet', stagedFileIds: ids });
    expect(filed.documents).toHaveLength(1);
    expect(filed.documents[0]).toMatchObject({ pagesAdded: 4, created: true });
    const [document] = (await ok(core, 'scan:list', { archiveNumber })).documents;
    expect(document?.pages.map((p) => [p.sourceName, p.position])).toEqual([
      ['第一.pdf', 1],
      ['第一.pdf', 2],
      ['第二.png', 3],
      ['第三.pdf', 4],
    ]);
  });
});
