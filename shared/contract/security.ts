import { z } from 'zod';
import { loginSchema } from '../schemas';
import { mutation, returns } from './define';
import { securityPolicySchema, type Settings } from './settings';

export const securityContract = {
  /** Password policy, lockout, confidentiality scale and labelling, default level. */
  'security:update-policy': mutation({
    access: 'security.manage',
    input: securityPolicySchema.partial(),
    output: returns<Settings>(),
  }),
  /**
   * Switches three-role separation on, naming the security administrator and the security
   * auditor in the same step, so that user management is never left without an owner.
   */
  'security:enable-separation': mutation({
    access: 'security.manage',
    input: z.strictObject({ securityAdmin: loginSchema, securityAuditor: loginSchema }),
    output: returns<Settings>(),
  }),
  'security:disable-separation': mutation({
    access: 'security.manage',
    input: z.strictObject({}),
    output: returns<Settings>(),
  }),
};
