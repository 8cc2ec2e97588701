import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { call, newArchive, ok, stageBytes } from '../../../../tests/helpers/core';
import { filesUnder } from '../../../../tests/helpers/files';
import { HEIC_PICTURE, heicFile, heicPhoto } from '../../../../tests/helpers/heic-files';
import { inspectPdf, pdfImages } from '../../../../tests/helpers/pdf';
import { sampleJpeg, truncated } from '../../../../tests/helpers/scan-files';
import { readGrey } from '../../../../tests/helpers/scan-images';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import { retireScanImageThreads } from '../../attachments/scan-image-pool';

const tempDir = useTempDirs();
let dir: string;
let core: Core;
let archiveNumber: string;

afterAll(() => retireScanImageThreads());

beforeEach(async () => {
  dir = tempDir();
  core = await newArchive(dir);
  archiveNumber = (await ok(core, 'dossier:create', { title: '李四 车辆照片' })).archiveNumber;
});

const scansIn = () => (existsSync(join(dir, 'scans')) ? filesUnder(join(dir, 'scans')) : []);
const file = async (name: string, bytes: Uint8Array) => call(core, 'scan:add', { archiveNumber, stagedFileIds: [await stageBytes(core, name, bytes, 'scan')] });
const pages = async () => (await ok(core, 'scan:list', { archiveNumber })).documents.flatMap((d) => d.pages);

describe('phone photos in HEIC', () => {
  it('are filed like a JPEG – one page, kept unchanged – and a JPEG named .heic is filed as the JPEG it is', async () => {
    const photo = heicPhoto();
    const filed = await file('IMG_2041.HEIC', photo);
    expect(filed).toMatchObject({ ok: true, data: { files: [{ name: 'IMG_2041.HEIC', mediaType: 'image/heic', pages: 1, stored: 'new' }], documents: [{ pagesAdded: 1 }] } });
    const [page] = await pages();
    expect(page).toMatchObject({ mediaType: 'image/heic', pageInFile: 0 });
    const original = await ok(core, 'scan:file', { pageId: page?.id ?? 0 });
    expect(Buffer.from(original.bytes).equals(Buffer.from(photo))).toBe(true);
    // Sealed at rest: the photo's coded picture is nowhere in the store in plain.
    const stretch = Buffer.from(photo).subarray(-64, -32);
    expect(scansIn()).toHaveLength(1);
    expect(scansIn().filter((path) => readFileSync(path).includes(stretch))).toEqual([]);

    expect(await file('IMG_2042.HEIC', sampleJpeg())).toMatchObject({ ok: true, data: { files: [{ mediaType: 'image/jpeg', pages: 1 }] } });
  });

  it('cut short, or claiming more pixels than the limit, are refused with the reason and nothing is stored', async () => {
    const cut = await file('IMG_2043.HEIC', truncated(heicPhoto(), 400));
    expect(cut).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(cut.ok ? '' : cut.error.message).toBe('“IMG_2043.HEIC”不能作为扫描件保存：HEIC 文件不完整（可能在传输中被截断），请重新复制或重新扫描');
    const bomb = await file('IMG_2044.HEIC', heicFile({ claimedSize: { width: 40_000, height: 30_000 } }));
    expect(bomb.ok ? '' : bomb.error.message).toMatch(/图像过大（40000×30000 像素/);
    expect(scansIn()).toEqual([]);
    expect(await pages()).toEqual([]);
  });

  it('are drawn upright as libheif turns and mirrors them, in the thumbnail and the viewer', async () => {
    await file('turned.heic', heicFile({ quarterTurns: 1 }));
    await file('mirrored.heic', heicFile({ mirrorAxis: 1 }));
    const [turned, mirrored] = await pages();
    // Turned a quarter anticlockwise: 240 × 320, the top-left block now at the bottom left.
    const thumbnail = await ok(core, 'scan:page-image', { pageId: turned?.id ?? 0, size: 'thumbnail' });
    expect([thumbnail.width, thumbnail.height]).toEqual([180, 240]);
    const shown = await readGrey(thumbnail.bytes);
    expect([shown.format, shown.width, shown.height]).toEqual(['jpeg', 180, 240]);
    expect(shown.at(0.25, 0.75)).toBeLessThan(60);
    expect(shown.at(0.25, 0.25)).toBeGreaterThan(200);
    // The viewer's size is never enlarged.
    const view = await ok(core, 'scan:page-image', { pageId: turned?.id ?? 0, size: 'view' });
    expect([view.width, view.height]).toEqual([HEIC_PICTURE.height, HEIC_PICTURE.width]);
    // Mirrored left to right: the block at the top right.
    const flipped = await readGrey((await ok(core, 'scan:page-image', { pageId: mirrored?.id ?? 0, size: 'thumbnail' })).bytes);
    expect([flipped.width, flipped.height]).toEqual([240, 180]);
    expect(flipped.at(0.75, 0.25)).toBeLessThan(60);
    expect(flipped.at(0.25, 0.25)).toBeGreaterThan(200);
  });

  it('are printed in the dossier PDF as a picture (JPEG), upright', async () => {
    await file('turned.heic', heicFile({ quarterTurns: 1 }));
    const pdf = (await ok(core, 'dossier:export', { archiveNumber })).bytes;
    // Cover, record, the photo.
    expect(inspectPdf(pdf).pages).toBe(3);
    expect(pdfImages(pdf)).toEqual([{ page: 3, width: 240, height: 320, encoding: 'jpeg' }]);
  });
});
