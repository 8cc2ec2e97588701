import { findRepair, insertRepairOrder, insertRepairOutcome, repairsOf } from '../../../../db/repositories/inspections';
import type { InspectionView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { RepairOutcome } from '../../../../shared/inspections';
import { formatLocalDate } from '../../../../shared/time';
import type { HandlerContext } from '../../context';
import { requireVisibleDossier } from '../dossiers/dossier-access';
import { requireFinding, requireInspection } from './inspection-access';
import { viewAfter } from './inspection-view';

/** A repair order (修复单) for a finding of a finished inspection, on a dossier the clerk may see; one per finding. */
export function orderRepair(ctx: HandlerContext, input: { findingId: number; instructions: string }): InspectionView {
  const session = ctx.session();
  const finding = ctx.write(
    (db) => {
      const found = requireFinding(db, input.findingId);
      if (!requireInspection(db, found.inspectionId).finish) throw new AppError('CONFLICT', { zh: '保管检查完成后才能开具修复单', en: 'Repairs are ordered once the inspection is finished' });
      requireVisibleDossier(db, session, found.archiveNumber);
      if (repairsOf(db, [found.id]).length > 0) throw new AppError('CONFLICT', { zh: `档案 ${found.archiveNumber} 的这条发现已开具修复单`, en: `A repair of this finding on ${found.archiveNumber} is already ordered` });
      return { ...found, orderId: insertRepairOrder(db, { findingId: found.id, instructions: input.instructions, orderedBy: session.record.id, orderedAt: ctx.env.now().toISOString() }) };
    },
    (found) => ({ action: 'inspection:repair-order', target: { type: 'dossier', id: found.dossierId, label: found.archiveNumber }, summary: { finding: found.id, repair: found.orderId } }),
  );
  return viewAfter(ctx, finding.inspectionId);
}

interface OutcomeInput {
  orderId: number;
  outcome: RepairOutcome;
  note: string | null;
  repairedBy: string;
  repairedOn: string;
}

/** How a repair ended – once; the day lies between the order and today. */
export function recordRepairOutcome(ctx: HandlerContext, input: OutcomeInput): InspectionView {
  const session = ctx.session();
  const now = ctx.env.now();
  const finding = ctx.write(
    (db) => {
      const repair = findRepair(db, input.orderId);
      if (!repair) throw new AppError('NOT_FOUND', { zh: `没有第 ${input.orderId} 号修复单`, en: `There is no repair order no. ${input.orderId}` });
      const found = requireFinding(db, repair.findingId);
      requireVisibleDossier(db, session, found.archiveNumber);
      if (repair.outcome) throw new AppError('CONFLICT', { zh: `第 ${repair.id} 号修复单已于 ${repair.outcome.repairedOn} 登记结果`, en: `Repair order no. ${repair.id} has its outcome (${repair.outcome.repairedOn})` });
      const ordered = formatLocalDate(new Date(repair.orderedAt));
      if (input.repairedOn < ordered || input.repairedOn > formatLocalDate(now)) {
        throw new AppError('VALIDATION', { zh: `修复日期应在开单日 ${ordered} 与今天之间`, en: `The repair day lies between the order (${ordered}) and today` });
      }
      insertRepairOutcome(db, { ...input, recordedBy: session.record.id, recordedAt: now.toISOString() });
      return found;
    },
    (found) => ({ action: 'inspection:repair-outcome', target: { type: 'dossier', id: found.dossierId, label: found.archiveNumber }, summary: { repair: input.orderId, repairOutcome: input.outcome } }),
  );
  return viewAfter(ctx, finding.inspectionId);
}
