import type { PDFiumLibrary } from '@hyzyla/pdfium';
import sharp, { type Sharp } from 'sharp';
import { decodeHeicPhoto } from './heic-photo';
import type { PageImageJob } from './scan-image-protocol';

export interface DrawnPage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** Pages are shown on white: a transparent PNG's background, a PDF page's paper. */
const PAPER = '#ffffff';

async function asJpeg(image: Sharp): Promise<DrawnPage> {
  const { data, info } = await image.flatten({ background: PAPER }).jpeg({ quality: 80 }).toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}

/** Scaled down to fit `longSide` (never up). */
const fitted = (image: Sharp, longSide: number) => image.resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true });

/** A photo or a TIFF page, turned upright as its EXIF orientation says. */
function drawImagePage(bytes: Uint8Array, page: number, longSide: number): Promise<DrawnPage> {
  // A flaw libvips can read past (a scanner's stray bytes) still shows the page; an unreadable one fails.
  return asJpeg(fitted(sharp(bytes, { page, autoOrient: true, failOn: 'error' }), longSide));
}

/** A phone photo in HEIC (sharp reads no HEVC): decoded upright by libheif, then scaled by sharp. */
async function drawHeicPage(bytes: Uint8Array, longSide: number): Promise<DrawnPage> {
  const { data, width, height } = await decodeHeicPhoto(bytes, longSide);
  return asJpeg(fitted(sharp(data, { raw: { width, height, channels: 4 } }), longSide));
}

/** A PDF page drawn by PDFium at the resolution that makes its longest side `longSide` pixels. */
async function drawPdfPage(library: PDFiumLibrary, bytes: Uint8Array, page: number, longSide: number): Promise<DrawnPage> {
  const document = await library.loadDocument(bytes);
  try {
    if (page >= document.getPageCount()) throw new Error(`the PDF has ${document.getPageCount()} page(s), not ${page + 1}`);
    const drawn = document.getPage(page);
    const { originalWidth, originalHeight } = drawn.getOriginalSize();
    const bitmap = await drawn.render({ scale: longSide / Math.max(originalWidth, originalHeight), render: 'bitmap' });
    return await asJpeg(sharp(bitmap.data, { raw: { width: bitmap.width, height: bitmap.height, channels: 4 } }));
  } finally {
    document.destroy();
  }
}

/** One page of a scan as a JPEG, unturned (the page's rotation is shown by the viewer). */
export function renderPageImage(job: Omit<PageImageJob, 'id'>, pdfium: () => Promise<PDFiumLibrary>): Promise<DrawnPage> {
  if (job.mediaType === 'application/pdf') return pdfium().then((library) => drawPdfPage(library, job.bytes, job.page, job.longSide));
  if (job.mediaType === 'image/heic') return drawHeicPage(job.bytes, job.longSide);
  return drawImagePage(job.bytes, job.mediaType === 'image/tiff' ? job.page : 0, job.longSide);
}
