import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addUser, ADMIN, call, newArchive, ok, stageBytes, switchTo } from '../../../../tests/helpers/core';
import { watchReads } from '../../../../tests/helpers/fs-watch';
import { blockJpeg, blockPdf, readGrey } from '../../../../tests/helpers/scan-images';
import { scansIn, serviceDossier } from '../../../../tests/helpers/scan-dossier';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { retireScanImageThreads } from '../../attachments/scan-image-pool';
import type * as ScanImagePool from '../../attachments/scan-image-pool';

/** Every page drawn on a scan image thread, counted: a kept image is read back without one. */
const draws = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../attachments/scan-image-pool', async (importOriginal) => {
  const real = await importOriginal<typeof ScanImagePool>();
  return {
    ...real,
    drawPageImage: (...args: Parameters<typeof real.drawPageImage>) => {
      draws.count += 1;
      return real.drawPageImage(...args);
    },
  };
});

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

afterAll(() => retireScanImageThreads());

beforeEach(async () => {
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = await serviceDossier(core);
});

const storedScans = () => scansIn(dir);
const stored = (name: string, bytes: Uint8Array) => stageBytes(core, name, bytes, 'scan');
const pagesOf = async (number: string) => (await ok(core, 'scan:list', { archiveNumber: number })).documents.flatMap((d) => d.pages);
const image = (pageId: number, size: 'thumbnail' | 'view' = 'thumbnail') => ok(core, 'scan:page-image', { pageId, size });

/** Files a scan and returns its pages' ids and the stored original's path. */
async function file(name: string, bytes: Uint8Array, number = archiveNumber): Promise<{ pageIds: number[]; original: string }> {
  const before = new Set(storedScans());
  await ok(core, 'scan:add', { archiveNumber: number, stagedFileIds: [await stored(name, bytes)] });
  const original = storedScans().find((path) => !before.has(path));
  if (!original) throw new Error('nothing stored');
  return { pageIds: (await pagesOf(number)).filter((p) => p.sourceName === name).map((p) => p.id), original };
}

function flipByte(path: string): void {
  const bytes = readFileSync(path);
  bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 0x10;
  writeFileSync(path, bytes);
}

describe('scan:page-image', () => {
  it('draws a page the first time and keeps it encrypted in the store: the next call reads it back without drawing', async () => {
    const { pageIds, original } = await file('接车单.pdf', await blockPdf(2, 2));
    const pageId = pageIds[1] ?? 0;
    const before = draws.count;
    const first = await image(pageId);
    expect(draws.count).toBe(before + 1);
    expect(first).toMatchObject({ pageId, mimeType: 'image/jpeg', rotation: 0 });
    expect(first.height).toBeGreaterThanOrEqual(238);
    expect(first.height).toBeLessThanOrEqual(240);
    const grey = await readGrey(first.bytes);
    expect([grey.width, grey.height]).toEqual([first.width, first.height]);
    expect(grey.at(0.5, 0.25)).toBeLessThan(60);
    expect(grey.at(0.5, 0.75)).toBeGreaterThan(200);
    // Kept beside the original, sealed like it: no stretch of the image is in the file.
    const kept = storedScans().filter((path) => path !== original);
    expect(kept).toHaveLength(1);
    expect(readFileSync(kept[0] ?? '').includes(Buffer.from(first.bytes).subarray(200, 232))).toBe(false);

    const again = await image(pageId);
    expect(draws.count).toBe(before + 1);
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect([again.width, again.height]).toEqual([first.width, first.height]);

    // The viewer's size is an image of its own; a page turned is the same image with its rotation told.
    const view = await image(pageId, 'view');
    expect(view.height).toBeGreaterThanOrEqual(1995);
    expect(draws.count).toBe(before + 2);
    expect(storedScans()).toHaveLength(3);
    await ok(core, 'scan:rotate', { pageId, rotation: 90 });
    expect(await image(pageId)).toMatchObject({ rotation: 90, width: first.width, height: first.height });
    expect(draws.count).toBe(before + 2);
  });

  it('a kept image damaged or deleted on disk is drawn again and the call still succeeds; without its original the page is SCAN_DAMAGED', async () => {
    const { pageIds, original } = await file('维修照片.jpg', await blockJpeg({ width: 600, height: 800 }));
    const pageId = pageIds[0] ?? 0;
    const first = await image(pageId);
    const [kept] = storedScans().filter((path) => path !== original);
    if (!kept) throw new Error('no image kept');
    flipByte(kept);
    const before = draws.count;
    const redrawn = await image(pageId);
    expect(draws.count).toBe(before + 1);
    expect([redrawn.width, redrawn.height]).toEqual([first.width, first.height]);
    expect((await readGrey(redrawn.bytes)).at(0.5, 0.25)).toBeLessThan(60);
    // Made again whole: read back next time.
    await image(pageId);
    expect(draws.count).toBe(before + 1);
    rmSync(kept);
    await image(pageId);
    expect(draws.count).toBe(before + 2);

    rmSync(original);
    for (const size of ['thumbnail', 'view'] as const) {
      const result = await call(core, 'scan:page-image', { pageId, size });
      expect(result).toMatchObject({ ok: false, error: { code: 'SCAN_DAMAGED' } });
      expect(result.ok ? '' : result.error.message).toContain(archiveNumber);
      expect(result.ok ? '' : result.error.message).toContain('维修照片');
    }
  });

  it('verify after images were made collects none of them and reports the scans whole; a damaged kept image is removed, not reported as damage', async () => {
    const pdf = await file('结算单.pdf', await blockPdf(2, 1));
    const photo = await file('照片.jpg', await blockJpeg({ width: 300, height: 400 }));
    for (const pageId of [...pdf.pageIds, ...photo.pageIds]) await image(pageId);
    await image(photo.pageIds[0] ?? 0, 'view');
    const files = storedScans();
    expect(files).toHaveLength(2 + 4);
    // Old enough to be collected, were they nobody's.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const path of files) utimesSync(path, twoHoursAgo, twoHoursAgo);
    const report = await ok(core, 'archive:verify', {});
    const check = report.checks.find((c) => c.name === 'scans');
    expect(check).toMatchObject({ ok: true, message: '全部 2 个扫描文件完好' });
    expect(storedScans().sort()).toEqual(files.sort());

    const keptImages = files.filter((path) => path !== pdf.original && path !== photo.original);
    flipByte(keptImages[0] ?? '');
    const after = await ok(core, 'archive:verify', {});
    expect(after.damagedScans).toEqual([]);
    expect(after.checks.find((c) => c.name === 'scans')).toMatchObject({ ok: true, message: expect.stringContaining('已移除 1 个损坏的页面图像缓存') as string });
    expect(storedScans()).toHaveLength(files.length - 1);
  });

  it('viewing a page of a classified document is audited, its thumbnail is not; a reader who may not see the dossier is told there is no such page', async () => {
    const secret = (await ok(core, 'dossier:create', { title: '涉密档案', level: 2 })).archiveNumber;
    const [secretPage = 0] = (await file('密件.jpg', await blockJpeg({ width: 300, height: 400 }), secret)).pageIds;
    const [ordinaryPage = 0] = (await file('普通.jpg', await blockJpeg({ width: 300, height: 400, orientation: 6 }))).pageIds;
    const events = async () => (await ok(core, 'audit:list', { action: 'scan:view-classified' })).items;
    await image(secretPage);
    await image(secretPage);
    await image(ordinaryPage, 'view');
    expect(await events()).toHaveLength(0);
    await image(secretPage, 'view');
    // Kept, and read back: still each viewing is recorded.
    await image(secretPage, 'view');
    const recorded = await events();
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ target: { label: secret } });

    await addUser(core, { login: 'low', roles: ['clerk'], clearance: 1 });
    await switchTo(core, 'low');
    expect(await call(core, 'scan:page-image', { pageId: ordinaryPage, size: 'view' })).toMatchObject({ ok: true });
    for (const size of ['thumbnail', 'view'] as const) expect(await call(core, 'scan:page-image', { pageId: secretPage, size })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('the thumbnails of a PDF with many pages, asked for at once, read and decrypt its original once; a new session reads it afresh', async () => {
    const { pageIds, original } = await file('多页合同.pdf', await blockPdf(6, 3));
    const reads = watchReads((path) => path === original);
    try {
      draws.count = 0;
      const images = await Promise.all(pageIds.map((id) => image(id)));
      expect(images).toHaveLength(6);
      expect(draws.count).toBe(6);
      expect(reads.seen).toHaveLength(1);
      // The block is on page 3 only: each page is drawn from its own page of the kept file.
      expect(await Promise.all(images.map(async (i) => (await readGrey(i.bytes)).at(0.5, 0.25) < 60))).toEqual([false, false, true, false, false, false]);
      await ok(core, 'session:lock', {});
      await ok(core, 'session:login', { login: ADMIN.login, password: ADMIN.password });
      await image(pageIds[0] ?? 0, 'view');
      expect(reads.seen).toHaveLength(2);
    } finally {
      reads.undo();
    }
  });

  it('a removed page and a page that never was are not found', async () => {
    const { pageIds } = await file('作废.jpg', await blockJpeg({ width: 30, height: 40 }));
    const [pageId = 0] = pageIds;
    await ok(core, 'scan:remove', { pageIds: [pageId], reason: '重复扫描' });
    expect(await call(core, 'scan:page-image', { pageId, size: 'thumbnail' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(core, 'scan:page-image', { pageId: 9999, size: 'thumbnail' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
