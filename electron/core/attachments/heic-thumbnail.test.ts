import { describe, expect, it } from 'vitest';
import { heicFile, type HeicLayout } from '../../../tests/helpers/heic-files';
import { decodeHeicPhoto } from './heic-photo';
import { embeddedThumbnail } from './heic-thumbnail';

const TILES = { rows: 2, columns: 2 } as const;

describe('the thumbnail a HEIC photo carries', () => {
  it('is decoded instead of the photo for a thumbnail, and shows as the photo does – turned and mirrored by the photo’s own turns', async () => {
    const layouts: HeicLayout[] = [{}, { quarterTurns: 1 }, { quarterTurns: 2 }, { quarterTurns: 3 }, { mirrorAxis: 0 }, { mirrorAxis: 1 }, { quarterTurns: 1, mirrorAxis: 0 }, { quarterTurns: 3, mirrorAxis: 1 }];
    for (const layout of layouts) {
      // The photo is a grid of four pictures (640 × 480); its thumbnail the picture alone, as the photo of one picture would show.
      const small = await decodeHeicPhoto(heicFile({ ...layout, grid: TILES, thumbnail: {} }), 240);
      const expected = await decodeHeicPhoto(heicFile(layout));
      expect({ layout, width: small.width, height: small.height }).toEqual({ layout, width: expected.width, height: expected.height });
      expect(Buffer.from(small.data).equals(Buffer.from(expected.data)), JSON.stringify(layout)).toBe(true);
    }
  });

  it('a thumbnail with turns of its own is turned by them alone, not twice', async () => {
    const small = await decodeHeicPhoto(heicFile({ quarterTurns: 1, mirrorAxis: 1, grid: TILES, thumbnail: { ownTurns: true } }), 240);
    const expected = await decodeHeicPhoto(heicFile({ quarterTurns: 1, mirrorAxis: 1 }));
    expect(Buffer.from(small.data).equals(Buffer.from(expected.data))).toBe(true);
  });

  it('not used when it is smaller than asked, when the photo is cropped, or for the viewer: the photo itself is decoded', async () => {
    const withThumbnail = heicFile({ grid: TILES, thumbnail: {} });
    expect(await decodeHeicPhoto(withThumbnail, 400)).toMatchObject({ width: 640, height: 480 });
    expect(await decodeHeicPhoto(withThumbnail)).toMatchObject({ width: 640, height: 480 });
    const cropped = heicFile({ grid: TILES, thumbnail: { primaryCropped: true } });
    expect(embeddedThumbnail(cropped, 240)).toBeNull();
    const shown = await decodeHeicPhoto(cropped, 240);
    expect(Buffer.from(shown.data).equals(Buffer.from((await decodeHeicPhoto(cropped)).data))).toBe(true);
    expect(shown.width).toBeLessThan(320);
  });

  it('a file without one, or one whose boxes are broken, has none (decoding the photo says what is wrong)', () => {
    expect(embeddedThumbnail(heicFile({ grid: TILES }), 240)).toBeNull();
    expect(embeddedThumbnail(heicFile({ grid: TILES, thumbnail: {} }).subarray(0, 100), 240)).toBeNull();
    expect(embeddedThumbnail(heicFile({ quarterTurns: 3, grid: TILES, thumbnail: {} }), 240)).toMatchObject({ turns: [{ quarterTurns: 3 }] });
  });
});
