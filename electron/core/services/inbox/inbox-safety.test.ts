import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScanInboxView } from '../../../../shared/contract';
import { ADMIN, call, newArchive, ok, testCore } from '../../../../tests/helpers/core';
import { heicFile } from '../../../../tests/helpers/heic-files';
import { endedProcessId, overwriteUnnoticed, putFinished, scannedSheet, waitFor } from '../../../../tests/helpers/inbox-folder';
import { samplePng } from '../../../../tests/helpers/scan-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();
let core: Core;
let dataDir: string;
let folder: string;
let archiveNumber: string;

const list = (c: Core = core) => ok(c, 'inbox:list', {});
const names = (view: ScanInboxView) => view.entries.map((e) => e.name);
const settledNames = (wanted: string[], c: Core = core) => waitFor(() => list(c), (view) => JSON.stringify(names(view)) === JSON.stringify(wanted) && view.entries.every((e) => e.state !== 'checking'));
const put = (name: string, bytes: Uint8Array) => putFinished(join(folder, name), bytes);
const setting = (over: Partial<{ folder: string; afterFiling: 'remove' | 'move'; moveTo: string; stableSeconds: number }> = {}) => ({ folder, afterFiling: 'remove' as const, moveTo: '', polling: false, stableSeconds: 1, ...over });
const itemDocuments = async () => (await ok(core, 'dossier:get', { archiveNumber })).documents.filter((d) => d.checklistItem === 'receptionSheet');

beforeEach(async () => {
  const dir = tempDir();
  folder = join(dir, 'scanner-out');
  mkdirSync(folder);
  dataDir = join(dir, 'archive');
  core = await newArchive(dataDir);
  await ok(core, 'department:create', { code: 'SHB', name: '售后部' });
  archiveNumber = (await ok(core, 'dossier:create', { typeKey: 'vehicle-service', fields: { customerName: '王五', phone: '13900139000', plate: '沪A12345', serviceDate: '2026-09-30' }, departmentCode: 'SHB' })).archiveNumber;
});

describe('the scan inbox keeps the archive and the scans safe', () => {
  it('filed scans are removed from the folder by default (a plain copy would stay there)', async () => {
    expect((await ok(core, 'settings:get', {})).scanInbox).toMatchObject({ folder: '', afterFiling: 'remove' });
  });

  it('never uses the archive’s data folder, a folder inside it or one holding it – not even through a link, nor as the folder filed scans move to', async () => {
    const refused = { ok: false, error: { code: 'VALIDATION', messageEn: expect.stringContaining('data folder') as unknown } };
    const link = join(dirname(folder), 'link-to-archive');
    symlinkSync(dataDir, link);
    mkdirSync(join(dataDir, 'inside'));
    for (const overlapping of [dataDir, join(dataDir, 'inside'), dirname(dataDir), link]) {
      expect(await call(core, 'settings:update', { scanInbox: setting({ folder: overlapping }) })).toMatchObject(refused);
    }
    expect(await call(core, 'settings:update', { scanInbox: setting({ afterFiling: 'move', moveTo: dataDir }) })).toMatchObject(refused);
    expect(await call(core, 'settings:update', { scanInbox: setting({ afterFiling: 'move', moveTo: join(dataDir, 'filed') }) })).toMatchObject(refused);
    expect(await ok(core, 'settings:update', { scanInbox: setting() })).toMatchObject({ scanInbox: { folder } });
  });

  it('a folder that has come to be the data folder (a setting saved before) is not watched: nothing listed, nothing discarded', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    await core.close();
    // The folder saved is now a link to the data folder.
    rmSync(folder, { recursive: true });
    symlinkSync(dataDir, folder);
    core = testCore(dataDir);
    await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
    const view = await list();
    expect(view.entries).toEqual([]);
    expect(view.problem?.en).toContain('data folder');
    expect(await call(core, 'inbox:discard', { names: ['keyslots.json'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(existsSync(join(dataDir, 'keyslots.json'))).toBe(true);
  });

  it('a refused auto-filing step leaves no empty document; the file changed unnoticed is looked at again and filed next time', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    const cover = await ok(core, 'label:cover-sheets', { archiveNumber, checklistItems: ['receptionSheet'] });
    const separator = await ok(core, 'label:separator-sheet', {});
    put('scan_0001.jpg', await scannedSheet(cover.bytes));
    put('scan_0002.jpg', await scannedSheet(separator.bytes, 1));
    put('scan_0003.png', samplePng({ variant: 3 }));
    const all = ['scan_0001.jpg', 'scan_0002.jpg', 'scan_0003.png'];
    await settledNames(all);
    overwriteUnnoticed(join(folder, 'scan_0003.png'), samplePng({ variant: 2 }));

    const refused = await ok(core, 'inbox:auto-file', {});
    expect(refused.filings).toEqual([]);
    expect(refused.left.map((l) => l.name).sort()).toEqual(all);
    expect(await itemDocuments()).toEqual([]);
    expect((await ok(core, 'dossier:get', { archiveNumber })).missingItems.map((m) => m.key)).toContain('receptionSheet');
    expect(readdirSync(folder).sort()).toEqual(all);

    await settledNames(all);
    const filed = await ok(core, 'inbox:auto-file', {});
    expect(filed.filings.map((f) => f.documents.map((d) => [d.pagesAdded, d.created]))).toEqual([[[1, true]]]);
    expect((await itemDocuments()).map((d) => d.pages)).toEqual([1]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('two programs filing the same folder file each scan once; the other is told it was taken', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    const second = testCore(dataDir);
    try {
      await ok(second, 'session:login', { login: ADMIN.login, password: ADMIN.password });
      put('IMG_0001.png', samplePng({ variant: 5 }));
      await settledNames(['IMG_0001.png']);
      await settledNames(['IMG_0001.png'], second);
      const input = { names: ['IMG_0001.png'], archiveNumber, checklistItem: 'receptionSheet' };
      const both = await Promise.all([ok(core, 'inbox:file', input), ok(second, 'inbox:file', input)]);
      expect(both.flatMap((b) => b.filings)).toHaveLength(1);
      expect(both.flatMap((b) => [...b.taken, ...b.alreadyFiled.map((a) => a.name)])).toEqual(['IMG_0001.png']);
      expect(both.flatMap((b) => b.left)).toEqual([]);
      expect((await itemDocuments()).map((d) => d.pages)).toEqual([1]);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('a file left with its working name by a program that crashed while filing it is listed again', async () => {
    writeFileSync(join(folder, `.dossierdesk-filing.${endedProcessId()}.0a1b2c.IMG_0002.png`), samplePng({ variant: 6 }));
    await ok(core, 'settings:update', { scanInbox: setting() });
    expect(names(await settledNames(['IMG_0002.png']))).toEqual(['IMG_0002.png']);
    expect(readdirSync(folder)).toEqual(['IMG_0002.png']);
  });

  it('auto-filing and a settling list do not hold the core while the scanner writes', async () => {
    await ok(core, 'settings:update', { scanInbox: setting({ stableSeconds: 3 }) });
    await list();
    const path = join(folder, 'scan_0009.png');
    writeFileSync(path, samplePng({ variant: 9 }));
    const writer = setInterval(() => appendFileSync(path, Buffer.from([0])), 300);
    let settling: ReturnType<Core['invoke']> | undefined;
    try {
      const auto = core.invoke('inbox:auto-file', {}, 'ui');
      settling = core.invoke('inbox:list', { settle: true }, 'ui');
      await new Promise((done) => setTimeout(done, 100));
      const at = performance.now();
      await ok(core, 'dossier:list', {});
      expect(performance.now() - at).toBeLessThan(1000);
      expect(await auto).toMatchObject({ ok: true, data: { filings: [] } });
    } finally {
      clearInterval(writer);
    }
    expect(await settling).toMatchObject({ ok: true, data: { entries: [{ name: 'scan_0009.png', state: 'scan' }] } });
  });

  it('while the scanner is still writing, the last batch stays with its cover; once written, it is filed whole', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    const cover = await ok(core, 'label:cover-sheets', { archiveNumber, checklistItems: ['receptionSheet'] });
    put('scan_0001.jpg', await scannedSheet(cover.bytes));
    put('scan_0002.png', samplePng({ variant: 1 }));
    await settledNames(['scan_0001.jpg', 'scan_0002.png']);
    writeFileSync(join(folder, 'scan_0003.png'), samplePng({ variant: 2 })); // the scanner's next page, just written
    const early = await ok(core, 'inbox:auto-file', {});
    expect(early.filings).toEqual([]);
    expect(early.left.map((l) => [l.name, l.reason.zh])).toEqual([
      ['scan_0001.jpg', '扫描仪仍在写入，最后一批稍后归档'],
      ['scan_0002.png', '扫描仪仍在写入，最后一批稍后归档'],
    ]);
    await settledNames(['scan_0001.jpg', 'scan_0002.png', 'scan_0003.png']);
    const filed = await ok(core, 'inbox:auto-file', {});
    expect(filed.filings.map((f) => f.documents.map((d) => d.pagesAdded))).toEqual([[2]]);
    expect(filed.left).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a link in the folder is never followed: not listed, and a listed file swapped for a link is not filed', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    const elsewhere = join(dirname(folder), 'private');
    mkdirSync(elsewhere);
    putFinished(join(elsewhere, 'secret.png'), samplePng({ variant: 8 }));
    symlinkSync(join(elsewhere, 'secret.png'), join(folder, 'link.png'));
    put('IMG_0003.png', samplePng({ variant: 4 }));
    await settledNames(['IMG_0003.png']);
    await new Promise((done) => setTimeout(done, 1500)); // the link's stability window, had it been followed
    expect(names(await list())).toEqual(['IMG_0003.png']);
    expect(await call(core, 'inbox:thumbnail', { name: 'link.png' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(core, 'inbox:file', { names: ['link.png'], archiveNumber })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    rmSync(join(folder, 'IMG_0003.png'));
    symlinkSync(join(elsewhere, 'secret.png'), join(folder, 'IMG_0003.png'));
    expect(await call(core, 'inbox:file', { names: ['IMG_0003.png'], archiveNumber })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok(core, 'dossier:get', { archiveNumber })).documents.filter((d) => d.pages > 0)).toEqual([]);
  });

  it('an image over the pixel limit is listed as refused, its code never read', async () => {
    await ok(core, 'settings:update', { scanInbox: setting() });
    put('IMG_0004.heic', heicFile({ claimedSize: { width: 40_000, height: 30_000 } }));
    const [entry] = (await settledNames(['IMG_0004.heic'])).entries;
    expect(entry).toMatchObject({ state: 'refused', sheet: null });
    expect(entry?.reason?.en).toContain('too large an image (40000 × 30000 pixels');
  });
});
