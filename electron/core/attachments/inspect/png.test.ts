import { describe, expect, it } from 'vitest';
import { refusalReason, samplePng } from '../../../../tests/helpers/scan-files';
import { inspectScan } from '.';

/** Offset of the first chunk of this type (its length field). */
function chunkAt(png: Uint8Array, type: string): number {
  return Buffer.from(png).indexOf(type, 8, 'latin1') - 4;
}

describe('PNG structure', () => {
  it('reads the size from IHDR', async () => {
    expect(await inspectScan(samplePng({ width: 300, height: 7 }), 'a.png')).toEqual({ mediaType: 'image/png', pages: 1, width: 300, height: 7 });
  });

  it('refuses the file cut short anywhere', async () => {
    const png = samplePng();
    const reasons = new Set<string>();
    for (let keep = 8; keep < png.length; keep += 1) reasons.add(await refusalReason(png.slice(0, keep)));
    expect([...reasons]).toEqual(['the PNG file is incomplete (it may have been cut short in transfer); copy or scan it again']);
  });

  it('refuses a chunk whose CRC does not match, naming the chunk', async () => {
    const png = samplePng();
    const idat = chunkAt(png, 'IDAT');
    png[idat + 10] = (png[idat + 10] ?? 0) ^ 0x01;
    expect(await refusalReason(png)).toBe('the PNG file is damaged (the checksum of its IDAT chunk does not match); scan it again');
  });

  it('refuses a PNG without IHDR first, or without image data', async () => {
    const png = Buffer.from(samplePng());
    const noHeader = Buffer.concat([png.subarray(0, 8), png.subarray(chunkAt(png, 'IDAT'))]);
    expect(await refusalReason(noHeader)).toBe('the PNG file is damaged (the header chunk (IHDR) is missing); scan it again');
    const noData = Buffer.concat([png.subarray(0, chunkAt(png, 'IDAT')), png.subarray(chunkAt(png, 'IEND'))]);
    expect(await refusalReason(noData)).toBe('the PNG file is damaged (it holds no image data); scan it again');
  });

  it('leaves bytes after IEND alone', async () => {
    expect(await refusalReason(Buffer.concat([samplePng(), Buffer.alloc(100)]))).toBe('accepted');
  });
});
