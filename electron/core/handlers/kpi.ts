import type { kpiContract } from '../../../shared/contract';
import { kpiReport } from '../services/kpi/kpi-report';
import { violationReport } from '../services/kpi/violations/violation-report';
import type { HandlersFor } from './types';

export const kpiHandlers: HandlersFor<typeof kpiContract> = {
  'kpi:report': (ctx, input) => kpiReport(ctx, input),
  'violation:report': (ctx, input) => violationReport(ctx, input),
};
