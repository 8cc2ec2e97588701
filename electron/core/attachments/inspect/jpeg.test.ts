import { describe, expect, it } from 'vitest';
import { refusalReason, sampleJpeg } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

const TRUNCATED = 'the JPEG file is incomplete (it may have been cut short in transfer); copy or scan it again';

describe('JPEG structure', () => {
  it('reads the size from the frame header of a baseline and a progressive JPEG', async () => {
    expect(await inspectScan(sampleJpeg('scan-page'), 'a.jpg')).toEqual({ mediaType: 'image/jpeg', pages: 1, width: 160, height: 226 });
    expect(await inspectScan(sampleJpeg('photo-progressive'), 'b.jpg')).toEqual({ mediaType: 'image/jpeg', pages: 1, width: 120, height: 90 });
  });

  it('refuses the file cut short anywhere – in a header segment, in the first scan or in a later one', async () => {
    for (const jpeg of [sampleJpeg('scan-page'), sampleJpeg('photo-progressive')]) {
      const reasons = new Set<string>();
      for (let keep = 3; keep < jpeg.length; keep += 1) reasons.add(await refusalReason(jpeg.slice(0, keep)));
      expect([...reasons]).toEqual([TRUNCATED]);
    }
  });

  it('accepts what scanners and phones write after the end of the image: padding, an appended video', async () => {
    const jpeg = sampleJpeg();
    expect(await refusalReason(Buffer.concat([jpeg, Buffer.alloc(4096)]))).toBe('accepted');
    expect(await refusalReason(Buffer.concat([jpeg, Buffer.from('\0\0\0\x18ftypmp42 motion photo', 'latin1')]))).toBe('accepted');
  });

  it('refuses a segment that runs past the end of the file', async () => {
    const jpeg = Buffer.from(sampleJpeg());
    // The first segment after SOI: make its length reach beyond the file.
    jpeg.writeUInt16BE(0xfff0, 4);
    expect(await refusalReason(jpeg)).toBe(TRUNCATED);
  });

  it('refuses a JPEG whose header ends before any image data, or that has no frame header', async () => {
    expect(await refusalReason(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBe('the JPEG file is damaged (it holds no image data); scan it again');
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9]);
    expect(await refusalReason(noFrame)).toBe('the JPEG file is damaged (the frame header is missing); scan it again');
  });

  it('refuses bytes where a marker should be', async () => {
    const jpeg = Buffer.from(sampleJpeg());
    // Where the second segment's marker should begin.
    jpeg[4 + jpeg.readUInt16BE(4)] = 0x00;
    expect(await refusalReason(jpeg)).toBe('the JPEG file is damaged (a marker is out of place); scan it again');
  });
});
