import { deleteFinding, deletePhoto, findPhoto, insertFinding, updateFinding } from '../../../../db/repositories/inspections';
import type { Db } from '../../../../db/open';
import type { InspectionView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { FindingKind } from '../../../../shared/inspections';
import type { HandlerContext } from '../../context';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { requireFinding, requireOpenInspection } from './inspection-access';
import { discardStaged, recordPhotos, storePhotos } from './finding-photos';
import { viewAfter } from './inspection-view';

interface FindingInput {
  archiveNumber: string;
  kind: FindingKind;
  note: string;
}

/** A finding of an open inspection, on a dossier the recorder may see. */
function requireDraftFinding(ctx: HandlerContext, db: Db, findingId: number) {
  const finding = requireFinding(db, findingId);
  requireOpenInspection(db, finding.inspectionId);
  requireVisibleDossier(db, ctx.session(), finding.archiveNumber);
  return finding;
}

/** A finding on a dossier, with its photos stored first (encrypted) and recorded with it. */
export async function addFinding(ctx: HandlerContext, input: FindingInput & { id: number; stagedFileIds: string[] }): Promise<InspectionView> {
  const session = ctx.session();
  const reader = session.archive.database.db;
  requireOpenInspection(reader, input.id);
  requireVisibleDossier(reader, session, input.archiveNumber);
  const photos = await storePhotos(ctx, input.stagedFileIds);
  const at = ctx.env.now().toISOString();
  ctx.write(
    (db) => {
      requireOpenInspection(db, input.id);
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const findingId = insertFinding(db, { inspectionId: input.id, dossierId: dossier.id, kind: input.kind, note: input.note, recordedBy: session.record.id, recordedAt: at });
      recordPhotos(db, findingId, photos, session.record.id, at);
      return { findingId, dossier };
    },
    ({ findingId, dossier }) => ({ action: 'inspection:add-finding', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { inspection: input.id, finding: findingId, findingKind: input.kind, photos: photos.length } }),
  );
  discardStaged(ctx, photos);
  return viewAfter(ctx, input.id);
}

export function editFinding(ctx: HandlerContext, input: FindingInput & { findingId: number }): InspectionView {
  const session = ctx.session();
  const { inspectionId } = ctx.write(
    (db) => {
      const finding = requireDraftFinding(ctx, db, input.findingId);
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      updateFinding(db, finding.id, { dossierId: dossier.id, kind: input.kind, note: input.note });
      return { inspectionId: finding.inspectionId, dossier };
    },
    ({ dossier }) => ({ action: 'inspection:edit-finding', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { finding: input.findingId, findingKind: input.kind } }),
  );
  return viewAfter(ctx, inspectionId);
}

export function removeFinding(ctx: HandlerContext, input: { findingId: number }): InspectionView {
  const finding = ctx.write(
    (db) => {
      const found = requireDraftFinding(ctx, db, input.findingId);
      deleteFinding(db, found.id);
      return found;
    },
    (found) => ({ action: 'inspection:remove-finding', target: { type: 'dossier', id: found.dossierId, label: found.archiveNumber }, summary: { inspection: found.inspectionId, finding: found.id } }),
  );
  return viewAfter(ctx, finding.inspectionId);
}

export async function addPhotos(ctx: HandlerContext, input: { findingId: number; stagedFileIds: string[] }): Promise<InspectionView> {
  const session = ctx.session();
  requireDraftFinding(ctx, session.archive.database.db, input.findingId);
  const photos = await storePhotos(ctx, input.stagedFileIds);
  const at = ctx.env.now().toISOString();
  const finding = ctx.write(
    (db) => {
      const found = requireDraftFinding(ctx, db, input.findingId);
      recordPhotos(db, found.id, photos, session.record.id, at);
      return found;
    },
    (found) => ({ action: 'inspection:add-photos', target: { type: 'dossier', id: found.dossierId, label: found.archiveNumber }, summary: { finding: found.id, photos: photos.length } }),
  );
  discardStaged(ctx, photos);
  return viewAfter(ctx, finding.inspectionId);
}

/** Takes a photo off a finding of an open inspection; its file stays in the store, recorded (as a removed scan page's does). */
export function removePhoto(ctx: HandlerContext, input: { photoId: number }): InspectionView {
  const finding = ctx.write(
    (db) => {
      const photo = findPhoto(db, input.photoId);
      if (!photo) throw new AppError('NOT_FOUND', { zh: `没有第 ${input.photoId} 号照片`, en: `There is no photo no. ${input.photoId}` });
      const found = requireDraftFinding(ctx, db, photo.findingId);
      deletePhoto(db, photo.id);
      return found;
    },
    (found) => ({ action: 'inspection:remove-photo', target: { type: 'dossier', id: found.dossierId, label: found.archiveNumber }, summary: { finding: found.id, photo: input.photoId } }),
  );
  return viewAfter(ctx, finding.inspectionId);
}
