import type { holdContract } from '../../../shared/contract';
import { holdsOf, liftHold, listHoldViews, placeHold } from '../services/holds/hold-register';
import type { HandlersFor } from './types';

export const holdHandlers: HandlersFor<typeof holdContract> = {
  'hold:of': (ctx, input) => holdsOf(ctx, input.archiveNumber),
  'hold:list': (ctx, input) => listHoldViews(ctx, input.inForceOnly),
  'hold:place': (ctx, input) => placeHold(ctx, input),
  'hold:lift': (ctx, input) => liftHold(ctx, input),
};
