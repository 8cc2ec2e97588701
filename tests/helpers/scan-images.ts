/**
 * Scans for tests of what is drawn from them (thumbnails, page images): each with a black block
 * where a test can look for it, made with sharp and pdf-lib. And reading a drawn image back.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import sharp, { type Color, type Sharp } from 'sharp';

const BLACK = { r: 0, g: 0, b: 0, alpha: 1 };

/** A white page with a black block over the middle of its top half (as seen upright). */
function pageWithBlock(width: number, height: number, background: Color = '#ffffff'): Sharp {
  const block = { width: Math.round(width / 2), height: Math.round(height / 4) };
  return sharp({ create: { width, height, channels: 4, background } }).composite([
    { input: { create: { ...block, channels: 4, background: BLACK } }, left: Math.round(width / 4), top: Math.round(height / 8) },
  ]);
}

/**
 * A JPEG page, `width` × `height` as seen upright. With `orientation` (EXIF 6: the camera was
 * turned), the pixels are stored turned and the tag says how to show them – as phones write.
 */
export async function blockJpeg({ width, height, orientation }: { width: number; height: number; orientation?: 6 }): Promise<Uint8Array> {
  const upright = await pageWithBlock(width, height).flatten().png().toBuffer();
  if (orientation === undefined) return new Uint8Array(await sharp(upright).jpeg({ quality: 90 }).toBuffer());
  // Stored turned a quarter anticlockwise; orientation 6 says "turn 90° clockwise to show".
  return new Uint8Array(await sharp(upright).rotate(-90).withMetadata({ orientation }).jpeg({ quality: 90 }).toBuffer());
}

/** A PNG with transparency: clear everywhere but its black block. */
export async function transparentBlockPng(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(await pageWithBlock(width, height, { r: 0, g: 0, b: 0, alpha: 0 }).png().toBuffer());
}

/** An A4 PDF of `pages` white pages; page `blockOn` (1-based) has a black block like the images'. */
export async function blockPdf(pages: number, blockOn: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let n = 1; n <= pages; n += 1) {
    const page = document.addPage([595, 842]);
    if (n === blockOn) page.drawRectangle({ x: 595 / 4, y: 842 - 842 / 8 - 842 / 4, width: 595 / 2, height: 842 / 4, color: rgb(0, 0, 0) });
  }
  return document.save();
}

/**
 * A scanned A4 page at 200 dpi as a scanner's greyscale JPEG is (about 300 KB): paper with a little
 * grain, lines of "characters" – short dark strokes – in paragraphs. `seed` makes pages that differ.
 */
export async function a4ScanJpeg(seed = 1): Promise<Uint8Array> {
  const width = 1654;
  const height = 2339;
  let state = (seed * 2654435761) >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const pixels = Buffer.alloc(width * height);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = 240 - Math.floor(random() * 3);
  const stroke = (x0: number, y0: number, across: boolean, length: number, cell: { right: number; bottom: number }) => {
    for (let k = 0; k < length; k += 1) {
      for (let t = 0; t < 3; t += 1) {
        const [x, y] = across ? [x0 + k, y0 + t] : [x0 + t, y0 + k];
        if (x < cell.right && y < cell.bottom) pixels[y * width + x] = 40 + Math.floor(random() * 10);
      }
    }
  };
  for (let top = 200, line = 0; top < height - 230; top += 48, line += 1) {
    if (line % 5 === 4) continue; // a paragraph's end
    for (let left = 160; left < width - 186; left += 28) {
      for (let s = 0; s < 3; s += 1) stroke(left + Math.floor(random() * 20), top + Math.floor(random() * 20), random() < 0.5, 6 + Math.floor(random() * 16), { right: left + 26, bottom: top + 26 });
    }
  }
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 1 } }).jpeg({ quality: 80 }).toBuffer());
}

export interface GreyImage {
  width: number;
  height: number;
  format: string | undefined;
  /** The grey value (0 black – 255 white) at a point given as fractions of the width and height. */
  at(fx: number, fy: number): number;
}

/** Decodes a drawn image to grey levels, to look at what it shows. */
export async function readGrey(bytes: Uint8Array): Promise<GreyImage> {
  const { format } = await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    format,
    at: (fx, fy) => data[Math.min(info.height - 1, Math.floor(fy * info.height)) * info.width * info.channels + Math.min(info.width - 1, Math.floor(fx * info.width)) * info.channels] ?? -1,
  };
}
