import type { fourCheckContract } from '../../../shared/contract';
import { checkProgress } from '../services/four-check/check-progress';
import { runCheck } from '../services/four-check/run-check';
import type { HandlersFor } from './types';

export const fourCheckHandlers: HandlersFor<typeof fourCheckContract> = {
  'check:run': (ctx, input) => runCheck(ctx, input),
  'check:progress': (ctx) => checkProgress(ctx.env.paths.dataDir),
};
