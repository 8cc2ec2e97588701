import { checkHeic } from './heic';
import { checkJpeg } from './jpeg';
import { checkPdf } from './pdf';
import { checkPng } from './png';
import { refusals, refuseScan, ScanRefusal } from './refusal';
import type { ScanInspection } from './scan-inspection';
import { sniff } from './sniff';
import { checkTiff } from './tiff';

export { scanMediaTypes, type ScanInspection, type ScanMediaType } from './scan-inspection';

/** The most pixels an image may have: A3 at 600 dpi is about 70 million. A few hundred kilobytes can claim billions (an image bomb). */
export const MAX_PIXELS = 80_000_000;

async function inspect(bytes: Uint8Array): Promise<ScanInspection> {
  const inspection = await inspectKind(bytes);
  // Told from the header, before anything decodes the image – for filing and for the inbox's look at a page alike.
  if ((inspection.width ?? 0) * (inspection.height ?? 0) > MAX_PIXELS) throw new ScanRefusal(refusals.tooManyPixels(inspection.width ?? 0, inspection.height ?? 0));
  return inspection;
}

async function inspectKind(bytes: Uint8Array): Promise<ScanInspection> {
  if (bytes.length === 0) throw new ScanRefusal(refusals.empty());
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'other') throw new ScanRefusal(refusals.notAScan(sniffed.looksLike));
  switch (sniffed.mediaType) {
    case 'image/jpeg':
      return { mediaType: sniffed.mediaType, pages: 1, ...checkJpeg(bytes) };
    case 'image/png':
      return { mediaType: sniffed.mediaType, pages: 1, ...checkPng(bytes) };
    case 'image/tiff': {
      const { pages, size } = checkTiff(bytes);
      return { mediaType: sniffed.mediaType, pages, ...size };
    }
    case 'application/pdf':
      return { mediaType: sniffed.mediaType, ...(await checkPdf(bytes)) };
    case 'image/heic':
      return { mediaType: sniffed.mediaType, pages: 1, ...checkHeic(bytes) };
  }
}

/**
 * What a scan is, from its bytes (never its name): its media type, pages and pixel size. A file
 * the archive cannot keep – not a scan type, cut short, damaged, encrypted – is refused
 * with a VALIDATION error that names the file (`name`, only for the message) and the reason; so is
 * an image of more than MAX_PIXELS.
 * Cheap enough to run on every file before it is stored: no image is decoded.
 */
export async function inspectScan(bytes: Uint8Array, name: string): Promise<ScanInspection> {
  try {
    return await inspect(bytes);
  } catch (error) {
    if (error instanceof ScanRefusal) throw refuseScan(name, error.reason);
    throw error;
  }
}
