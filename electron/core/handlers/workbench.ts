import type { workbenchContract } from '../../../shared/contract';
import { workbench } from '../services/workbench/workbench';
import type { HandlersFor } from './types';

export const workbenchHandlers: HandlersFor<typeof workbenchContract> = {
  'workbench:get': (ctx) => workbench(ctx),
};
