import { checkJpeg } from './jpeg';
import { checkPdf } from './pdf';
import { checkPng } from './png';
import { refusals, refuseScan, ScanRefusal } from './refusal';
import type { ScanInspection } from './scan-inspection';
import { sniff } from './sniff';
import { checkTiff } from './tiff';

export { scanMediaTypes, type ScanInspection, type ScanMediaType } from './scan-inspection';

async function inspect(bytes: Uint8Array): Promise<ScanInspection> {
  if (bytes.length === 0) throw new ScanRefusal(refusals.empty());
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'heic') throw new ScanRefusal(refusals.heic());
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
  }
}

/**
 * What a scan is, from its bytes (never its name): its media type, pages and pixel size. A file
 * the archive cannot keep – not a scan type, HEIC, cut short, damaged, encrypted – is refused
 * with a VALIDATION error that names the file (`name`, only for the message) and the reason.
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
