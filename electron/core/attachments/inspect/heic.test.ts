import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { heicFile, heicPhoto } from '../../../../tests/helpers/heic-files';
import { refusalReason, sampleJpeg } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

/** The photo with one byte changed. */
function withByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const changed = bytes.slice();
  changed[at] = value;
  return changed;
}

/** Offset of the first box of this type (its size field). */
const boxAt = (bytes: Uint8Array, type: string) => Buffer.from(bytes).indexOf(type, 0, 'latin1') - 4;

describe('HEIC phone photos', () => {
  it('are one page, the size of the photo as shown: a turn (irot) swaps width and height', async () => {
    expect(await inspectScan(heicPhoto(), 'IMG_2041.HEIC')).toEqual({ mediaType: 'image/heic', pages: 1, width: 320, height: 240 });
    expect(await inspectScan(heicFile(), 'a.heic')).toEqual({ mediaType: 'image/heic', pages: 1, width: 320, height: 240 });
    expect(await inspectScan(heicFile({ quarterTurns: 1 }), 'a.heic')).toMatchObject({ width: 240, height: 320 });
    expect(await inspectScan(heicFile({ quarterTurns: 2, mirrorAxis: 1 }), 'a.heic')).toMatchObject({ width: 320, height: 240 });
  });

  it('a burst kept in one file is one page, the primary image; a photo in tiles is the size of the whole', async () => {
    expect(await inspectScan(heicFile({ frames: 3, quarterTurns: 3 }), 'burst.heic')).toEqual({ mediaType: 'image/heic', pages: 1, width: 240, height: 320 });
    expect(await inspectScan(heicFile({ grid: { rows: 2, columns: 3 } }), 'tiles.heic')).toEqual({ mediaType: 'image/heic', pages: 1, width: 960, height: 480 });
  });

  it('are told by their bytes: a JPEG named .heic is a JPEG, a HEIC named .jpg is a HEIC', async () => {
    expect(await inspectScan(sampleJpeg(), 'IMG_2041.HEIC')).toMatchObject({ mediaType: 'image/jpeg' });
    expect(await inspectScan(heicPhoto(), 'IMG_2041.JPG')).toMatchObject({ mediaType: 'image/heic' });
  });

  it('cut short anywhere after its brands are refused as incomplete', async () => {
    for (const photo of [heicPhoto(), heicFile({ grid: { rows: 1, columns: 2 } })]) {
      const reasons = new Set<string>();
      for (let keep = 12; keep < photo.length; keep += 1) reasons.add(await refusalReason(photo.slice(0, keep)));
      expect([...reasons]).toEqual(['the HEIC file is incomplete (it may have been cut short in transfer); copy or scan it again']);
    }
  });

  it('whose image data lies past the end (a box table that outruns the file) are refused as incomplete', async () => {
    const photo = heicPhoto();
    const mdat = boxAt(photo, 'mdat');
    // The file ends where its data box says; the data the item points at is not all there.
    const short = Buffer.from(photo.slice(0, mdat + 20));
    short.writeUInt32BE(20, mdat);
    expect(await refusalReason(short)).toBe('the HEIC file is incomplete (it may have been cut short in transfer); copy or scan it again');
  });

  it('tell an image bomb by its header: the size claimed is refused by the pixel limit before anything decodes it', async () => {
    expect(await refusalReason(heicFile({ claimedSize: { width: 40_000, height: 30_000 } }))).toBe('it is too large an image (40000 × 30000 pixels; at most 80 million, about A3 at 600 dpi); scan at a lower resolution');
    expect(await inspectScan(heicFile({ claimedSize: { width: 8_000, height: 6_000 } }), 'large.heic')).toMatchObject({ width: 8_000, height: 6_000 });
    // Tiles that claim more than the picture they make, or fewer than it needs, are damage.
    expect(await refusalReason(heicFile({ grid: { rows: 1, columns: 1 }, claimedSize: { width: 100, height: 100 } }))).toBe(
      'the HEIC photo is damaged (its tiles do not match the size of the picture); copy it from the phone again, then upload it',
    );
    expect(await refusalReason(heicFile({ grid: { rows: 1, columns: 1 }, claimedSize: { width: 60_000, height: 60_000 } }))).toMatch(/its tiles do not match the size of the picture/);
  });

  it('are refused with the reason when their structure is broken', async () => {
    const photo = heicPhoto();
    const reason = async (bytes: Uint8Array) => refusalReason(bytes);
    // Not a picture's handler.
    const hdlr = boxAt(photo, 'hdlr');
    expect(await reason(withByte(photo, hdlr + 16, 0x76))).toMatch(/damaged \(it holds no picture\)/);
    // The primary item is one that is not listed.
    const pitm = boxAt(photo, 'pitm');
    expect(await reason(withByte(photo, pitm + 13, 9))).toMatch(/damaged \(an image it refers to is not listed\)/);
    // A box inside meta runs past meta's end.
    expect(await reason(withByte(photo, hdlr + 2, 0x10))).toMatch(/damaged \(the structure of its image information is broken\)/);
    // No size property.
    expect(await reason(withByte(photo, boxAt(photo, 'ispe') + 4, 0x78))).toMatch(/damaged \(an image has no size\)/);
  });

  it('a location table that makes pieces of image data from nothing, or places them past the end, is refused at once', async () => {
    // iloc with every field size 0: each item's 65,535 pieces would take no bytes at all (an iloc bomb – seconds and gigabytes before).
    const u16 = (v: number) => [v >> 8, v & 0xff];
    const box = (type: string, body: number[]) => [...u32(8 + body.length), ...Buffer.from(type, 'latin1'), ...body];
    const u32 = (v: number) => [(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
    const items = Array.from({ length: 1000 }, (_, i) => [...u16(i + 1), ...u16(0), ...u16(0xffff)]).flat();
    const meta = box('meta', [0, 0, 0, 0, ...box('hdlr', [0, 0, 0, 0, ...u32(0), ...Buffer.from('pict', 'latin1'), ...new Array<number>(13).fill(0)]), ...box('pitm', [0, 0, 0, 0, ...u16(1)]), ...box('iinf', [0, 0, 0, 0, ...u16(0)]), ...box('iloc', [0, 0, 0, 0, 0, 0, ...u16(1000), ...items])]);
    const bomb = new Uint8Array([...box('ftyp', [...Buffer.from('heic', 'latin1'), ...u32(0), ...Buffer.from('mif1heic', 'latin1')]), ...meta]);
    const started = performance.now();
    expect(await refusalReason(bomb)).toMatch(/damaged \(it claims more pieces of image data than it can hold\)/);
    expect(performance.now() - started).toBeLessThan(2000);
    // A piece at an offset past the end of the file, "to the end of the file" (length 0): a negative length before.
    const photo = Buffer.from(heicPhoto());
    const ilocEnd = boxAt(photo, 'iloc') + photo.readUInt32BE(boxAt(photo, 'iloc'));
    photo.writeUInt32BE(photo.length + 1000, ilocEnd - 8);
    photo.writeUInt32BE(0, ilocEnd - 4);
    expect(await refusalReason(new Uint8Array(photo))).toBe('the HEIC file is incomplete (it may have been cut short in transfer); copy or scan it again');
  });

  it('an AVIF (AV1 in the same container) is refused as AVIF, not as a HEIC', async () => {
    const avif = new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888888' } }).heif({ compression: 'av1' }).toBuffer());
    expect(await refusalReason(avif)).toBe('it is not a supported scan type (it looks like an AVIF image); supported types: JPEG, PNG, TIFF, PDF, HEIC');
  });
});
