import type { inspectionContract } from '../../../shared/contract';
import { finishInspection } from '../services/inspections/finish-inspection';
import { saveChecks } from '../services/inspections/inspection-checks';
import { addFinding, addPhotos, editFinding, removeFinding, removePhoto } from '../services/inspections/inspection-findings';
import { getInspectionPlan } from '../services/inspections/inspection-plan';
import { printInspectionRecord } from '../services/inspections/inspection-record';
import { getInspection, listInspectionSummaries } from '../services/inspections/inspection-view';
import { inspectionPhoto } from '../services/inspections/photo-image';
import { orderRepair, recordRepairOutcome } from '../services/inspections/repairs';
import { startInspection } from '../services/inspections/start-inspection';
import type { HandlersFor } from './types';

export const inspectionHandlers: HandlersFor<typeof inspectionContract> = {
  'inspection:plan': (ctx) => getInspectionPlan(ctx),
  'inspection:list': (ctx) => listInspectionSummaries(ctx),
  'inspection:get': (ctx, input) => getInspection(ctx, input.id),
  'inspection:start': (ctx, input) => startInspection(ctx, input),
  'inspection:save-checks': (ctx, input) => saveChecks(ctx, input),
  'inspection:add-finding': (ctx, input) => addFinding(ctx, input),
  'inspection:edit-finding': (ctx, input) => editFinding(ctx, input),
  'inspection:remove-finding': (ctx, input) => removeFinding(ctx, input),
  'inspection:add-photos': (ctx, input) => addPhotos(ctx, input),
  'inspection:remove-photo': (ctx, input) => removePhoto(ctx, input),
  'inspection:photo': (ctx, input) => inspectionPhoto(ctx, input),
  'inspection:finish': (ctx, input) => finishInspection(ctx, input),
  'inspection:print': (ctx, input) => printInspectionRecord(ctx, input),
  'inspection:repair-order': (ctx, input) => orderRepair(ctx, input),
  'inspection:repair-outcome': (ctx, input) => recordRepairOutcome(ctx, input),
};
