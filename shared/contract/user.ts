import { z } from 'zod';
import { roles, type Role } from '../permissions';
import { displayNameSchema, loginSchema, passwordSchema } from '../schemas';
import { mutation, query, returns } from './define';

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  status: 'active' | 'disabled';
  createdAt: string;
}

export const userContract = {
  'user:create': mutation({
    access: 'user.manage',
    input: z.strictObject({
      login: loginSchema,
      displayName: displayNameSchema,
      roles: z.array(z.enum(roles)).min(1).max(roles.length),
      password: passwordSchema,
    }),
    output: returns<UserSummary>(),
  }),
  'user:list': query({
    access: 'user.read',
    input: z.strictObject({}),
    output: returns<UserSummary[]>(),
  }),
};
