import { checksOf, insertFinish } from '../../../../db/repositories/inspections';
import type { InspectionView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { checkItemLabels, checkItems } from '../../../../shared/inspections';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { requireOpenInspection } from './inspection-access';
import { recordedInspectionTarget, viewAfter } from './inspection-view';

interface FinishInput {
  id: number;
  inspectedOn: string;
  inspectors: string[];
  remarks: string | null;
}

/**
 * Closes an inspection for good: from now on it is a register entry (the triggers keep its
 * checklist, findings and photos as they are). Every checklist item must have its verdict, and
 * the day inspected cannot be in the future.
 */
export function finishInspection(ctx: HandlerContext, input: FinishInput): InspectionView {
  const session = ctx.session();
  const now = ctx.env.now();
  if (input.inspectedOn > formatLocalDate(now)) throw new AppError('VALIDATION', { zh: '检查日期不能晚于今天', en: 'The day inspected cannot be later than today' });
  const inspectors = [...new Set(input.inspectors)];
  const target = recordedInspectionTarget(session.archive.database.db, input.id);
  ctx.write(
    (db) => {
      requireOpenInspection(db, input.id);
      const done = new Set(checksOf(db, input.id).map((c) => c.item));
      const missing = checkItems.filter((item) => !done.has(item));
      if (missing.length > 0) {
        throw new AppError('VALIDATION', {
          zh: `检查项尚未填写：${missing.map((m) => checkItemLabels[m].zh).join('、')}`,
          en: `Checklist items not filled in yet: ${missing.map((m) => checkItemLabels[m].en).join(', ')}`,
        });
      }
      insertFinish(db, { inspectionId: input.id, inspectedOn: input.inspectedOn, inspectors, remarks: input.remarks, finishedBy: session.record.id, finishedAt: now.toISOString() });
    },
    { action: 'inspection:finish', target, summary: { inspectedOn: input.inspectedOn, inspectors } },
  );
  return viewAfter(ctx, input.id);
}
