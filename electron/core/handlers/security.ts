import type { securityContract } from '../../../shared/contract';
import { disableSeparation, enableSeparation, updatePolicy } from '../services/security/security';
import type { HandlersFor } from './types';

export const securityHandlers: HandlersFor<typeof securityContract> = {
  'security:update-policy': (ctx, input) => updatePolicy(ctx, input),
  'security:enable-separation': (ctx, input) => enableSeparation(ctx, input),
  'security:disable-separation': (ctx) => disableSeparation(ctx),
};
