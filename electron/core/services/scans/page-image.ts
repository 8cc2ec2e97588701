import type { ScanImageSize, ScanMediaType, ScanPageImage } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { derivedAddress, readDerivedFile, writeDerivedFile } from '../../attachments/derived-files';
import { scanKeys, storedFileLooksWhole, wipeScanKeys } from '../../attachments/file-store';
import { checkJpeg } from '../../attachments/inspect/jpeg';
import { drawPageImage, PageNotDrawn, type DrawnPageImage } from '../../attachments/scan-image-pool';
import { LONG_SIDE } from '../../attachments/scan-image-protocol';
import { keptOriginalsOf, type KeptFile } from './kept-originals';
import { auditClassifiedView, readPageOriginal, requireLivePage, scanDamaged, type PlacedPage } from './scan-page-access';

interface PageImageInput {
  pageId: number;
  size: ScanImageSize;
}

/** The image kept from an earlier call, or null when it is not there, fails its check, or is not a whole JPEG (then it is made again). */
function cachedImage(root: string, contentKey: Uint8Array, address: string): DrawnPageImage | null {
  const jpeg = readDerivedFile(root, contentKey, address);
  if (!jpeg) return null;
  try {
    return { jpeg, ...checkJpeg(jpeg) };
  } catch {
    return null;
  }
}

/** Draws the page on a scan image thread; a page its decoder refuses is said with its place. */
async function drawn({ page, document, dossier }: PlacedPage, original: Uint8Array, size: ScanImageSize): Promise<DrawnPageImage> {
  try {
    return await drawPageImage({ bytes: original, mediaType: page.file.mediaType as ScanMediaType, page: page.pageInFile, longSide: LONG_SIDE[size] });
  } catch (error) {
    if (!(error instanceof PageNotDrawn)) throw error;
    throw new AppError(
      'INTERNAL',
      { zh: `档案 ${dossier.archiveNumber}“${document.title}”的扫描件（${page.sourceName}）第 ${page.pageInFile + 1} 页无法显示为图像：${error.message}`, en: `Page ${page.pageInFile + 1} of the scan (${page.sourceName}) of “${document.title}” in dossier ${dossier.archiveNumber} cannot be shown as an image: ${error.message}` },
      { cause: error },
    );
  }
}

/** Draws a page of a file with many: from its kept original, a copy at a time (kept-originals.ts). */
async function drawnFromKept(placed: PlacedPage, original: KeptFile, size: ScanImageSize): Promise<DrawnPageImage> {
  const copy = await original.lend();
  try {
    return await drawn(placed, copy.bytes, size);
  } finally {
    copy.release();
  }
}

/** Keeps the image for next time; a store that cannot be written (read-only, full) only means it is drawn again. */
function keepImage(ctx: HandlerContext, address: string, jpeg: Uint8Array): void {
  const keys = scanKeys(ctx.session().archive.dataKey);
  try {
    writeDerivedFile(ctx.env.paths.scans, keys, address, jpeg);
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
  } finally {
    wipeScanKeys(keys);
  }
}

/** The answer; viewing a page of a classified document is audited like opening its file, a thumbnail is not. */
function shown(ctx: HandlerContext, placed: PlacedPage, input: PageImageInput, image: DrawnPageImage): ScanPageImage {
  if (input.size === 'view') auditClassifiedView(ctx, ctx.session(), placed);
  return { pageId: input.pageId, mimeType: 'image/jpeg', bytes: image.jpeg, width: image.width, height: image.height, rotation: placed.page.rotation };
}

/**
 * A page as an image (scan:page-image): a thumbnail or the viewer's size. The first time it is
 * drawn on a scan image thread while the core's queue goes on with other calls, then kept
 * encrypted in the scan store (derived-files.ts). A kept image is served while its original is
 * there whole in size – checking the original's every byte is verify's, reading a large PDF each
 * time would defeat the cache; a missing original is SCAN_DAMAGED as when the file is opened. The
 * original of a file with many pages is kept decrypted in memory for a short while (kept-originals.ts).
 */
export function scanPageImage(ctx: HandlerContext, input: PageImageInput): ScanPageImage {
  const session = ctx.session();
  const placed = requireLivePage(session.archive.database.db, session, input.pageId);
  const { file, pageInFile } = placed.page;
  const root = ctx.env.paths.scans;
  const keys = scanKeys(session.archive.dataKey);
  let address: string;
  let draw: () => Promise<DrawnPageImage>;
  try {
    address = derivedAddress(keys.name, file.address, pageInFile, input.size);
    const cached = cachedImage(root, keys.content, address);
    if (cached) {
      if (!storedFileLooksWhole(root, file.address, file.size)) throw scanDamaged(placed);
      return shown(ctx, placed, input, cached);
    }
    if (file.pages > 1) {
      // The other pages are likely asked for next (a thumbnail strip): the file is decrypted once for them all.
      const kept = keptOriginalsOf(session);
      const original = kept.get(file.address) ?? kept.keep(file.address, readPageOriginal(root, keys, placed));
      draw = () => drawnFromKept(placed, original, input.size);
    } else {
      const original = readPageOriginal(root, keys, placed);
      draw = () => drawn(placed, original, input.size);
    }
  } finally {
    wipeScanKeys(keys);
  }
  return ctx.outsideQueue(draw, (done, image) => {
    // Looked up again: the page may have been turned, moved or removed meanwhile.
    const now = requireLivePage(done.session().archive.database.db, done.session(), input.pageId);
    keepImage(done, address, image.jpeg);
    return shown(done, now, input, image);
  });
}
