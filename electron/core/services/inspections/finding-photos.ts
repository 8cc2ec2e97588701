import { recordScanFiles } from '../../../../db/repositories/scans';
import { insertPhotos } from '../../../../db/repositories/inspections';
import type { Db } from '../../../../db/open';
import { formatByteLimit } from '../../../../shared/contract/staging';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { SealBatch } from '../../attachments/seal-batch';
import type { ScanInspection } from '../../attachments/inspect';

export interface StoredPhoto {
  stagedFileId: string;
  name: string;
  size: number;
  address: string;
  inspection: ScanInspection;
}

/**
 * Photos of findings, staged as scans, stored encrypted in the scan store like any scan: each read
 * once, checked (a photo must be an image: a PDF is a document, not a photo), sealed and written
 * durably. Nothing is recorded here – the caller records them in its transaction; a crash
 * in between leaves files nobody refers to, collected by verify.
 */
export async function storePhotos(ctx: HandlerContext, stagedFileIds: readonly string[]): Promise<StoredPhoto[]> {
  if (stagedFileIds.length === 0) return [];
  if (new Set(stagedFileIds).size !== stagedFileIds.length) throw new AppError('VALIDATION', { zh: '同一照片被选择了两次', en: 'The same photo was chosen twice' });
  const session = ctx.session();
  const maxBytes = session.settings.scanMaxMegabytes * 1024 * 1024;
  const files = stagedFileIds.map((id) => ({ id, staged: session.stagedFiles.get(id, 'scan') }));
  // One at a time: the first photo refused ends the batch, with nothing written after it.
  return SealBatch.run(session.sealAhead, async (batch) => {
    const stored: StoredPhoto[] = [];
    for (const { id, staged } of files) {
      if (staged.size > maxBytes) throw new AppError('VALIDATION', { zh: `照片“${staged.name}”超过 ${formatByteLimit(maxBytes)}`, en: `The photo “${staged.name}” is larger than ${formatByteLimit(maxBytes)}` });
      const { address, inspection } = await batch.seal(staged);
      if (!inspection.mediaType.startsWith('image/')) throw new AppError('VALIDATION', { zh: `“${staged.name}”不是照片（JPEG、PNG、HEIC 等图像）`, en: `“${staged.name}” is not a photo (a JPEG, PNG, HEIC … image)` });
      if (address === null) throw new Error('a photo was only checked, though none was refused');
      stored.push({ stagedFileId: id, name: staged.name, size: staged.size, address, inspection });
    }
    return stored;
  });
}

/** Records stored photos on a finding: their files in scan_files (known to verify), the photos linked from the finding. */
export function recordPhotos(db: Db, findingId: number, photos: readonly StoredPhoto[], by: number, at: string): void {
  const records = recordScanFiles(
    db,
    photos.map((p) => ({ address: p.address, size: p.size, mediaType: p.inspection.mediaType, pages: p.inspection.pages, width: p.inspection.width ?? null, height: p.inspection.height ?? null, storedAt: at, storedBy: by })),
  );
  insertPhotos(
    db,
    photos.map((p, i) => ({ findingId, fileId: records[i]?.id ?? 0, sourceName: p.name, addedBy: by, addedAt: at })),
  );
}

/** The staged photos are done with once recorded. */
export function discardStaged(ctx: HandlerContext, photos: readonly StoredPhoto[]): void {
  for (const photo of photos) ctx.session().stagedFiles.discard(photo.stagedFileId);
}
