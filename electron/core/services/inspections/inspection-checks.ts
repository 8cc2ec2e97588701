import { replaceChecks, type CheckRecord } from '../../../../db/repositories/inspections';
import type { InspectionView } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { requireOpenInspection } from './inspection-access';
import { viewAfter } from './inspection-view';

/** The checklist of an open inspection, saved whole. */
export function saveChecks(ctx: HandlerContext, input: { id: number; checks: CheckRecord[] }): InspectionView {
  ctx.write(
    (db) => {
      requireOpenInspection(db, input.id);
      replaceChecks(db, input.id, input.checks);
    },
    { action: 'inspection:save-checks', target: { type: 'inspection', id: input.id }, summary: { items: input.checks.length, problemItems: input.checks.filter((c) => c.status === 'problem').map((c) => c.item) } },
  );
  return viewAfter(ctx, input.id);
}
