import { insertInspection, openInspectionAt } from '../../../../db/repositories/inspections';
import type { InspectionView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { inspectionTarget, placeNamer, viewAfter } from './inspection-view';
import { roomPlaces } from './inspection-plan';

/** Opens the inspection of a room or of the whole store; a place has one open inspection at a time – go on with that one. */
export function startInspection(ctx: HandlerContext, input: { locationId: number | null }): InspectionView {
  const session = ctx.session();
  const { db } = session.archive.database;
  if (input.locationId !== null && !roomPlaces(db).some((room) => room.locationId === input.locationId)) {
    throw new AppError('VALIDATION', { zh: '保管检查按库房进行：请选择一个库房，或全部库房', en: 'Inspections are of a room: choose a room, or the whole store' });
  }
  const place = placeNamer(db)(input.locationId);
  const id = ctx.write(
    (w) => {
      const open = openInspectionAt(w, input.locationId);
      if (open !== null) throw new AppError('CONFLICT', { zh: `${place.name} 的第 ${open} 号保管检查尚未完成，请继续该检查`, en: `Inspection no. ${open} of ${place.name} is not finished yet; go on with it` });
      return insertInspection(w, { locationId: input.locationId, startedBy: session.record.id, startedAt: ctx.env.now().toISOString() });
    },
    (newId) => ({ action: 'inspection:start', target: inspectionTarget(newId, place), summary: { place: place.code || place.name } }),
  );
  return viewAfter(ctx, id);
}
