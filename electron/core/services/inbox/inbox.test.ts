import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScanInboxView } from '../../../../shared/contract';
import { addUser, call, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { scannedSheet, waitFor, writeInChunks } from '../../../../tests/helpers/inbox-folder';
import { fakeExe, samplePdf, samplePng, sampleTiff } from '../../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { listStoredFiles } from '../../attachments/file-store';

const tempDir = useTempDirs();
let core: Core;
let folder: string;
let archiveNumber: string;

const list = () => ok(core, 'inbox:list', {});
const names = (view: ScanInboxView) => view.entries.map((e) => e.name);
const settledNames = (wanted: string[]) => waitFor(list, (view) => JSON.stringify(names(view)) === JSON.stringify(wanted) && view.entries.every((e) => e.state !== 'checking'));

async function useFolder(afterFiling: 'remove' | 'move' = 'move') {
  await ok(core, 'settings:update', { scanInbox: { folder, afterFiling, moveTo: '已归档', polling: false, stableSeconds: 1 } });
}

beforeEach(async () => {
  const dir = tempDir();
  folder = join(dir, 'scanner-out');
  mkdirSync(folder);
  core = await newArchive(join(dir, 'archive'));
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  archiveNumber = (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'SHB' })).archiveNumber;
});

describe('the scanner output folder (扫描收件箱)', () => {
  it('lists a file only once it is complete; temporary and hidden names never; a file that is not a scan with its reason', async () => {
    await useFolder();
    expect(await list()).toEqual({ folder, problem: null, entries: [] });
    const pdf = await samplePdf(3);
    // Written in four parts, 400 ms apart: never stable for the 1 s window, never listed meanwhile.
    await writeInChunks(join(folder, 'scan_0001.pdf'), pdf, { chunks: 4, pauseMs: 400, between: async () => expect(names(await list())).toEqual([]) });
    for (const hidden of ['scan_0002.pdf.part', '~scan_0003.pdf', '.scan_0004.pdf', 'scan_0005.tmp', 'download.crdownload']) writeFileSync(join(folder, hidden), pdf);
    writeFileSync(join(folder, 'readme.pdf'), fakeExe());
    const view = await settledNames(['readme.pdf', 'scan_0001.pdf']);
    expect(view.entries.find((e) => e.name === 'scan_0001.pdf')).toMatchObject({ state: 'scan', size: pdf.length, mediaType: 'application/pdf', pages: 3, sheet: null, filedOn: null });
    const refused = view.entries.find((e) => e.name === 'readme.pdf');
    expect(refused).toMatchObject({ state: 'refused', pages: null });
    expect(refused?.reason?.zh).toContain('程序');
    // A thumbnail is drawn from the bytes in memory; none for what is not a scan.
    const thumbnail = await ok(core, 'inbox:thumbnail', { name: 'scan_0001.pdf' });
    expect([thumbnail.bytes[0], thumbnail.bytes[1], Math.max(thumbnail.width, thumbnail.height)]).toEqual([0xff, 0xd8, 240]);
    expect(await call(core, 'inbox:thumbnail', { name: 'readme.pdf' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Not a scan: it cannot be filed, only discarded (audited).
    expect(await call(core, 'inbox:file', { names: ['readme.pdf'], archiveNumber })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok(core, 'inbox:discard', { names: ['readme.pdf'] })).toEqual({ discarded: ['readme.pdf'] });
    expect(existsSync(join(folder, 'readme.pdf'))).toBe(false);
    expect((await ok(core, 'audit:list', { action: 'inbox:discard' })).items[0]?.summary).toEqual({ files: ['readme.pdf'] });
  });

  it('a cover sheet files the pages after it, a separator starts the next document; files before any cover stay', async () => {
    await useFolder();
    const covers = await ok(core, 'label:cover-sheets', { archiveNumber, checklistItems: ['receptionSheet'] });
    const separator = await ok(core, 'label:separator-sheet', {});
    const files: [string, Uint8Array][] = [
      ['scan_0001.png', samplePng({ variant: 1 })],
      ['scan_0002.jpg', await scannedSheet(covers.bytes)],
      ['scan_0003.png', samplePng({ variant: 2 })],
      ['scan_0004.tif', sampleTiff(2, { variant: 3 })],
      ['scan_0005.jpg', await scannedSheet(separator.bytes, 1)],
      ['scan_0010.pdf', await samplePdf(2)],
    ];
    for (const [name, bytes] of files) writeFileSync(join(folder, name), bytes);
    const view = await settledNames(files.map(([name]) => name));
    expect(view.entries.map((e) => e.sheet)).toEqual([null, { kind: 'cover', archiveNumber, checklistItemKey: 'receptionSheet' }, null, null, { kind: 'separator' }, null]);
    // The cover names its item by the name the clerk knows, not by its key.
    expect(view.entries.map((e) => e.coverItem?.name ?? null)).toEqual([null, '接车单', null, null, null, null]);

    const filed = await ok(core, 'inbox:auto-file', {});
    // The separator's document is new to the clerk, as the item's first one is.
    expect(filed.filings.map((f) => f.documents.map((d) => [d.title, d.pagesAdded, d.created]))).toEqual([[['接车单', 3, true]], [['接车单', 2, true]]]);
    expect(filed.sheets).toEqual(['scan_0002.jpg', 'scan_0005.jpg']);
    expect(filed.left.map((l) => [l.name, l.reason.zh])).toEqual([['scan_0001.png', '位于第一张扫描封面之前，未自动归档']]);
    const scans = await ok(core, 'scan:list', { archiveNumber });
    expect(scans.documents.filter((d) => d.checklistItem === 'receptionSheet').map((d) => d.pages.map((p) => `${p.sourceName}#${p.pageInFile}`))).toEqual([
      ['scan_0003.png#0', 'scan_0004.tif#0', 'scan_0004.tif#1'],
      ['scan_0010.pdf#0', 'scan_0010.pdf#1'],
    ]);
    // Filed files (and the sheets) left the folder for its subfolder; the stray page stayed.
    expect(readdirSync(folder).sort()).toEqual(['scan_0001.png', '已归档']);
    expect(readdirSync(join(folder, '已归档')).sort()).toEqual(files.slice(1).map(([name]) => name));
    expect(names(await list())).toEqual(['scan_0001.png']);
    expect((await ok(core, 'audit:list', { action: 'scan:add' })).items).toHaveLength(2);
  });

  it('files chosen files onto a dossier by its number; the same content found in the folder again is recognised and not filed twice', async () => {
    await useFolder('remove');
    const png = samplePng({ variant: 7 });
    writeFileSync(join(folder, 'IMG_0001.png'), png);
    writeFileSync(join(folder, 'IMG_0002.pdf'), await samplePdf(1));
    await settledNames(['IMG_0001.png', 'IMG_0002.pdf']);
    const filed = await ok(core, 'inbox:file', { names: ['IMG_0001.png', 'IMG_0002.pdf'], archiveNumber, checklistItem: 'receptionSheet' });
    expect(filed.filings[0]?.documents).toEqual([expect.objectContaining({ title: '接车单', pagesAdded: 2, created: true })]);
    expect(readdirSync(folder)).toEqual([]);

    // As after a crash between the filing's commit and the file's removal: the file is still there.
    writeFileSync(join(folder, 'IMG_0001.png'), png);
    const [again] = (await settledNames(['IMG_0001.png'])).entries;
    expect(again?.filedOn).toMatchObject({ archiveNumber, documentTitle: '接车单' });
    const refiled = await ok(core, 'inbox:file', { names: ['IMG_0001.png'], archiveNumber, checklistItem: 'receptionSheet' });
    expect(refiled).toEqual({ filings: [], alreadyFiled: [{ name: 'IMG_0001.png', archiveNumber, documentTitle: '接车单' }], sheets: [], left: [], taken: [] });
    expect((await ok(core, 'dossier:get', { archiveNumber })).documents.find((d) => d.checklistItem === 'receptionSheet')?.pages).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('two files of the same content arriving at once (a sheet fed twice): both listed and filed, the content stored once, the archive whole', async () => {
    await useFolder('remove');
    const png = samplePng({ variant: 3 });
    writeFileSync(join(folder, 'IMG_0001.png'), png);
    writeFileSync(join(folder, 'IMG_0002.png'), png);
    const view = await settledNames(['IMG_0001.png', 'IMG_0002.png']);
    expect(view.entries.map((e) => [e.state, e.filedOn])).toEqual([
      ['scan', null],
      ['scan', null],
    ]);
    const filed = await ok(core, 'inbox:file', { names: ['IMG_0001.png', 'IMG_0002.png'], archiveNumber, checklistItem: 'receptionSheet' });
    expect(filed.filings[0]?.files.map((f) => [f.name, f.stored])).toEqual([
      ['IMG_0001.png', 'new'],
      ['IMG_0002.png', 'duplicate'],
    ]);
    expect(readdirSync(folder)).toEqual([]);
    expect((await ok(core, 'dossier:get', { archiveNumber })).documents.find((d) => d.checklistItem === 'receptionSheet')?.pages).toBe(2);
    expect(listStoredFiles(join(folder, '..', 'archive', 'scans')).map((f) => f.address === null)).toEqual([false]);
    expect((await ok(core, 'archive:verify', {})).ok).toBe(true);
  });

  it('the folder must exist when set; only those who edit dossiers see the inbox', async () => {
    const setting = { folder: join(folder, 'missing'), afterFiling: 'remove' as const, moveTo: '', polling: false, stableSeconds: 3 };
    expect(await call(core, 'settings:update', { scanInbox: setting })).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('does not exist') as unknown } });
    writeFileSync(join(folder, 'a-file'), '');
    expect(await call(core, 'settings:update', { scanInbox: { ...setting, folder: join(folder, 'a-file') } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('is not a folder') as unknown } });
    expect(await call(core, 'settings:update', { scanInbox: { ...setting, folder: 'scans' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'inbox:file', { names: ['x.pdf'], archiveNumber })).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('No scanner output folder') as unknown } });
    await useFolder();
    await addUser(core, { login: 'reader', roles: ['staff'], departmentCode: 'SHB' });
    await addUser(core, { login: 'scanner1', roles: ['scanner'] });
    await switchTo(core, 'reader');
    expect(await call(core, 'inbox:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await switchTo(core, 'scanner1');
    expect(await ok(core, 'inbox:list', {})).toMatchObject({ folder, entries: [] });
  });
});
