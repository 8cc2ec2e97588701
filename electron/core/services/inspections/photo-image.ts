import { findPhoto, type PhotoRecord } from '../../../../db/repositories/inspections';
import type { InspectionPhotoImage, ScanMediaType } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { derivedAddress, readDerivedFile, writeDerivedFile } from '../../attachments/derived-files';
import { readStoredFile, scanKeys, wipeScanKeys } from '../../attachments/file-store';
import { checkJpeg } from '../../attachments/inspect/jpeg';
import { drawPageImage, PageNotDrawn } from '../../attachments/scan-image-pool';
import { LONG_SIDE } from '../../attachments/scan-image-protocol';
import { SealBroken } from '../../attachments/sealed-file';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { assertReadsInspections, requireFinding } from './inspection-access';

type Size = 'thumbnail' | 'view';

function photoDamaged(photo: PhotoRecord, archiveNumber: string, cause?: unknown): AppError {
  return new AppError(
    'SCAN_DAMAGED',
    { zh: `档案 ${archiveNumber} 检查发现的照片（${photo.sourceName}）已损坏或缺失，请从备份恢复`, en: `The photo (${photo.sourceName}) of a finding on ${archiveNumber} is damaged or missing; restore it from a backup` },
    { cause },
  );
}

/** A photo the reader may see: one of a finding on a dossier within the reader's clearance. */
function requireShownPhoto(ctx: HandlerContext, photoId: number): { photo: PhotoRecord; archiveNumber: string } {
  const session = ctx.session();
  const { db } = session.archive.database;
  const photo = findPhoto(db, photoId);
  if (!photo) throw new AppError('NOT_FOUND', { zh: `没有第 ${photoId} 号照片`, en: `There is no photo no. ${photoId}` });
  const finding = requireFinding(db, photo.findingId);
  requireVisibleDossier(db, session, finding.archiveNumber);
  return { photo, archiveNumber: finding.archiveNumber };
}

/**
 * A finding's photo as a JPEG (inspection:photo): drawn on a scan image thread the first time,
 * then kept encrypted in the store as a derived file of the photo – like a page's thumbnail.
 */
export function inspectionPhoto(ctx: HandlerContext, input: { photoId: number; size: Size }): InspectionPhotoImage {
  assertReadsInspections(ctx);
  const { photo, archiveNumber } = requireShownPhoto(ctx, input.photoId);
  const root = ctx.env.paths.scans;
  const keys = scanKeys(ctx.session().archive.dataKey);
  let address: string;
  let original: Buffer;
  try {
    address = derivedAddress(keys.name, photo.file.address, 0, input.size);
    const cached = readDerivedFile(root, keys.content, address);
    if (cached) {
      try {
        return { photoId: photo.id, mimeType: 'image/jpeg', bytes: cached, ...checkJpeg(cached) };
      } catch {
        // Not a whole JPEG: drawn again below.
      }
    }
    try {
      original = readStoredFile(root, keys, photo.file.address, photo.file.size);
    } catch (error) {
      if (error instanceof SealBroken || (error as NodeJS.ErrnoException).code === 'ENOENT') throw photoDamaged(photo, archiveNumber, error);
      throw error;
    }
  } finally {
    wipeScanKeys(keys);
  }
  return ctx.outsideQueue(
    async () => {
      try {
        return await drawPageImage({ bytes: original, mediaType: photo.file.mediaType as ScanMediaType, page: 0, longSide: LONG_SIDE[input.size] });
      } catch (error) {
        if (error instanceof PageNotDrawn) throw photoDamaged(photo, archiveNumber, error);
        throw error;
      }
    },
    (done, image) => {
      requireShownPhoto(done, input.photoId);
      const writeKeys = scanKeys(done.session().archive.dataKey);
      try {
        writeDerivedFile(root, writeKeys, address, image.jpeg);
      } catch (error) {
        // A store that cannot be written (read-only, full) only means the photo is drawn again next time.
        if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
      } finally {
        wipeScanKeys(writeKeys);
      }
      return { photoId: photo.id, mimeType: 'image/jpeg', bytes: image.jpeg, width: image.width, height: image.height };
    },
  );
}
