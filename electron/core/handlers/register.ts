import type { registerContract } from '../../../shared/contract';
import { exportRegister } from '../registers/export-register';
import type { HandlersFor } from './types';

export const registerHandlers: HandlersFor<typeof registerContract> = {
  'register:export': (ctx, input) => exportRegister(ctx, input),
};
