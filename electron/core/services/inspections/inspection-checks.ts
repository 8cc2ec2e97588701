import { replaceChecks, type CheckRecord } from '../../../../db/repositories/inspections';
import type { InspectionView } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { requireOpenInspection } from './inspection-access';
import { recordedInspectionTarget, viewAfter } from './inspection-view';

/** The checklist of an open inspection, saved whole. */
export function saveChecks(ctx: HandlerContext, input: { id: number; checks: CheckRecord[] }): InspectionView {
  const target = recordedInspectionTarget(ctx.session().archive.database.db, input.id);
  ctx.write(
    (db) => {
      requireOpenInspection(db, input.id);
      replaceChecks(db, input.id, input.checks);
    },
    { action: 'inspection:save-checks', target, summary: { items: input.checks.length, problemItems: input.checks.filter((c) => c.status === 'problem').map((c) => c.item) } },
  );
  return viewAfter(ctx, input.id);
}
