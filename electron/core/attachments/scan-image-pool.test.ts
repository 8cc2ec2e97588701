import { afterAll, describe, expect, it } from 'vitest';
import { sampleTiff } from '../../../tests/helpers/scan-files';
import { blockJpeg, blockPdf, readGrey, transparentBlockPng } from '../../../tests/helpers/scan-images';
import { drawPageImage, PageNotDrawn, retireScanImageThreads } from './scan-image-pool';
import { LONG_SIDE } from './scan-image-protocol';

afterAll(() => retireScanImageThreads());

/** Draws on the scan image threads and reads the result back: a JPEG of the size it says, its longest side within `longSide`. */
async function drawn(bytes: Uint8Array, mediaType: Parameters<typeof drawPageImage>[0]['mediaType'], page: number, longSide: number) {
  const image = await drawPageImage({ bytes, mediaType, page, longSide });
  const grey = await readGrey(image.jpeg);
  expect(grey.format).toBe('jpeg');
  expect([grey.width, grey.height]).toEqual([image.width, image.height]);
  expect(Math.max(grey.width, grey.height)).toBeLessThanOrEqual(longSide);
  return grey;
}

/** The black block of the sample pages is where it was drawn, the paper around it white. */
function showsBlock(grey: Awaited<ReturnType<typeof drawn>>): void {
  expect(grey.at(0.5, 0.25)).toBeLessThan(60);
  expect(grey.at(0.5, 0.75)).toBeGreaterThan(200);
  expect(grey.at(0.1, 0.25)).toBeGreaterThan(200);
}

describe('drawing scan pages on worker threads', () => {
  it('a JPEG: turned upright as its EXIF orientation says, scaled to a thumbnail and to the view size, never enlarged', async () => {
    const photo = await blockJpeg({ width: 1500, height: 2000, orientation: 6 });
    const thumbnail = await drawn(photo.slice(), 'image/jpeg', 0, LONG_SIDE.thumbnail);
    expect([thumbnail.width, thumbnail.height]).toEqual([180, 240]);
    showsBlock(thumbnail);
    const view = await drawn(photo.slice(), 'image/jpeg', 0, LONG_SIDE.view);
    expect([view.width, view.height]).toEqual([1500, 2000]);
    showsBlock(view);
    const small = await drawn(await blockJpeg({ width: 120, height: 160 }), 'image/jpeg', 0, LONG_SIDE.view);
    expect([small.width, small.height]).toEqual([120, 160]);
  });

  it('a PNG with transparency: on white paper', async () => {
    const png = await drawn(await transparentBlockPng(600, 800), 'image/png', 0, LONG_SIDE.thumbnail);
    expect([png.width, png.height]).toEqual([180, 240]);
    showsBlock(png);
  });

  it('page 2 of a three-page TIFF', async () => {
    const tiff = sampleTiff(3, { width: 24, height: 32 });
    const page = await drawPageImage({ bytes: tiff.slice(), mediaType: 'image/tiff', page: 1, longSide: LONG_SIDE.thumbnail });
    const grey = await readGrey(page.jpeg);
    expect([grey.width, grey.height]).toEqual([24, 32]);
    // The sample's pages differ in their grey pattern: the one drawn is closest to page 2's.
    const pattern = (x: number, y: number, n: number) => (x * 7 + y * 13 + n * 31) & 0xff;
    const distance = (n: number) => {
      let sum = 0;
      for (let y = 0; y < 32; y += 1) for (let x = 0; x < 24; x += 1) sum += Math.abs(grey.at((x + 0.5) / 24, (y + 0.5) / 32) - pattern(x, y, n));
      return sum / (24 * 32);
    };
    expect(distance(1)).toBeLessThan(distance(0));
    expect(distance(1)).toBeLessThan(distance(2));
    expect(distance(1)).toBeLessThan(20);
  });

  it('page 2 of a two-page PDF, rendered by PDFium at the size asked for', async () => {
    const pdf = await blockPdf(2, 2);
    const thumbnail = await drawn(pdf.slice(), 'application/pdf', 1, LONG_SIDE.thumbnail);
    expect(thumbnail.height).toBeGreaterThanOrEqual(238);
    expect(thumbnail.width).toBe(Math.floor((595 * thumbnail.height) / 842));
    showsBlock(thumbnail);
    const view = await drawn(pdf.slice(), 'application/pdf', 1, LONG_SIDE.view);
    expect(view.height).toBeGreaterThanOrEqual(1995);
    showsBlock(view);
    // Page 1 is blank: the page asked for is the page drawn.
    const first = await drawn(pdf.slice(), 'application/pdf', 0, LONG_SIDE.thumbnail);
    expect(first.at(0.5, 0.25)).toBeGreaterThan(200);
  });

  it('hands the bytes over instead of copying them; several pages at once are all drawn', async () => {
    const bytes = await blockJpeg({ width: 300, height: 400 });
    const own = new Uint8Array(bytes);
    const pages = await Promise.all([own, bytes.slice(), bytes.slice(), bytes.slice(), bytes.slice()].map((b) => drawPageImage({ bytes: b, mediaType: 'image/jpeg', page: 0, longSide: 100 })));
    expect(own.byteLength).toBe(0);
    expect(pages.map((p) => [p.width, p.height])).toEqual(Array.from({ length: 5 }, () => [75, 100]));
    // A view into a larger buffer is copied first (handing over the buffer would take its neighbours too).
    const shared = Buffer.concat([Buffer.alloc(16), Buffer.from(bytes)]).subarray(16);
    await drawPageImage({ bytes: shared, mediaType: 'image/jpeg', page: 0, longSide: 100 });
    expect(shared.byteLength).toBe(bytes.byteLength);
    // Bytes handed over once cannot be drawn again: that page fails, the next is drawn.
    await expect(drawPageImage({ bytes: own, mediaType: 'image/jpeg', page: 0, longSide: 100 })).rejects.toBeInstanceOf(PageNotDrawn);
    expect((await drawPageImage({ bytes: bytes.slice(), mediaType: 'image/jpeg', page: 0, longSide: 100 })).width).toBe(75);
  });

  it('a page its decoder refuses is a PageNotDrawn with the reason; the threads go on drawing', async () => {
    await expect(drawPageImage({ bytes: new Uint8Array(Buffer.from('%PDF-1.7\nnot really\n')), mediaType: 'application/pdf', page: 0, longSide: 100 })).rejects.toBeInstanceOf(PageNotDrawn);
    await expect(drawPageImage({ bytes: sampleTiff(2), mediaType: 'image/tiff', page: 5, longSide: 100 })).rejects.toBeInstanceOf(PageNotDrawn);
    const after = await drawPageImage({ bytes: await blockJpeg({ width: 30, height: 40 }), mediaType: 'image/jpeg', page: 0, longSide: 100 });
    expect([after.width, after.height]).toEqual([30, 40]);
  });
});
