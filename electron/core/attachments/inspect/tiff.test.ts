import { describe, expect, it } from 'vitest';
import { refusalReason, sampleTiff, tiffDirectories } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

const TRUNCATED = 'the TIFF file is incomplete (it may have been cut short in transfer); copy or scan it again';

/** Where the value of `tag` sits in the directory at `at` (classic little-endian TIFF). */
function fieldAt(tiff: Uint8Array, at: number, tag: number): number {
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  for (let i = 0; i < view.getUint16(at, true); i += 1) {
    const entry = at + 2 + i * 12;
    if (view.getUint16(entry, true) === tag) return entry;
  }
  throw new Error(`no tag ${tag}`);
}

describe('TIFF structure', () => {
  it('counts the pages of a multi-page TIFF and reads the size of the first', async () => {
    expect(await inspectScan(sampleTiff(3, { width: 50, height: 70 }), 'a.tif')).toEqual({ mediaType: 'image/tiff', pages: 3, width: 50, height: 70 });
    expect(await inspectScan(sampleTiff(1), 'b.tif')).toEqual({ mediaType: 'image/tiff', pages: 1, width: 24, height: 32 });
  });

  it('reads BigTIFF (8-byte offsets) too', async () => {
    expect(await inspectScan(sampleTiff(2, { bigTiff: true }), 'c.tif')).toEqual({ mediaType: 'image/tiff', pages: 2, width: 24, height: 32 });
  });

  it('refuses the file cut short anywhere, classic or BigTIFF', async () => {
    for (const tiff of [sampleTiff(3), sampleTiff(2, { bigTiff: true })]) {
      const reasons = new Set<string>();
      for (let keep = 8; keep < tiff.length; keep += 1) reasons.add(await refusalReason(tiff.slice(0, keep)));
      expect([...reasons]).toEqual([TRUNCATED]);
    }
  });

  it('refuses a page whose image data would lie past the end of the file', async () => {
    const tiff = sampleTiff(2);
    const [, second] = tiffDirectories(tiff);
    const stripOffsets = fieldAt(tiff, second?.at ?? 0, 273);
    new DataView(tiff.buffer).setUint32(stripOffsets + 8, tiff.length - 10, true);
    expect(await refusalReason(tiff)).toBe(TRUNCATED);
  });

  it('refuses a chain of pages that loops back', async () => {
    const tiff = sampleTiff(3);
    const [first, , third] = tiffDirectories(tiff);
    new DataView(tiff.buffer).setUint32(third?.nextAt ?? 0, first?.at ?? 0, true);
    expect(await refusalReason(tiff)).toBe('the TIFF file is damaged (its pages link back in a loop); scan it again');
  });

  it('refuses a page that does not say where its image data is, or how big it is', async () => {
    const noStrips = sampleTiff(2);
    const [, second] = tiffDirectories(noStrips);
    new DataView(noStrips.buffer).setUint16(fieldAt(noStrips, second?.at ?? 0, 273), 272, true);
    expect(await refusalReason(noStrips)).toBe('the TIFF file is damaged (page 2 does not say where its image data is); scan it again');
    const noSize = sampleTiff(1);
    new DataView(noSize.buffer).setUint16(fieldAt(noSize, tiffDirectories(noSize)[0]?.at ?? 0, 256), 255, true);
    expect(await refusalReason(noSize)).toBe('the TIFF file is damaged (page 1 has no image size); scan it again');
  });

  it('refuses a TIFF without pages', async () => {
    const tiff = sampleTiff(1);
    new DataView(tiff.buffer).setUint32(4, 0, true);
    expect(await refusalReason(tiff)).toBe('the TIFF file is damaged (it has no pages); scan it again');
  });
});
