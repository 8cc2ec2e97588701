import { z } from 'zod';
import { roles, type Role } from '../permissions';
import { displayNameSchema, loginSchema, passwordSchema } from '../schemas';
import { departmentCodeSchema } from './department';
import { mutation, query, returns } from './define';

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  department: { code: string; name: string } | null;
  /** Rank on the confidentiality scale: the highest level this user may see. */
  clearance: number;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  /** Set while the account is locked after wrong passwords. */
  lockedUntil: string | null;
  createdAt: string;
}

/** A person who may hold a dossier (CF-01), as narrow as the choice needs: no roles, no clearance. */
export interface CustodianCandidate {
  login: string;
  displayName: string;
  department: { code: string; name: string } | null;
}

const roleListSchema = z.array(z.enum(roles)).min(1).max(roles.length);
const clearanceSchema = z.number().int().min(0).max(8);

export const userContract = {
  /**
   * The people who may hold a dossier of this level and department as its custodian – for those
   * who choose custodians, without the user list's roles, clearances and statuses.
   */
  'user:custodian-candidates': query({
    access: 'dossier.classify',
    input: z.strictObject({ level: clearanceSchema, departmentCode: departmentCodeSchema }),
    output: returns<CustodianCandidate[]>(),
  }),
  'user:list': query({
    access: 'user.read',
    input: z.strictObject({}),
    output: returns<UserSummary[]>(),
  }),
  'user:create': mutation({
    access: 'user.manage',
    input: z.strictObject({
      login: loginSchema,
      displayName: displayNameSchema,
      roles: roleListSchema,
      departmentCode: departmentCodeSchema,
      clearance: clearanceSchema,
      password: passwordSchema,
      /** false for accounts created by scripts; otherwise the first sign-in must set a new password. */
      mustChangePassword: z.boolean().default(true),
    }),
    output: returns<UserSummary>(),
  }),
  'user:update': mutation({
    access: 'user.manage',
    input: z.strictObject({
      login: loginSchema,
      displayName: displayNameSchema.optional(),
      roles: roleListSchema.optional(),
      departmentCode: departmentCodeSchema.optional(),
      clearance: clearanceSchema.optional(),
    }),
    output: returns<UserSummary>(),
  }),
  /** Disables the account and removes its key slot; its history stays attributable. */
  'user:disable': mutation({
    access: 'user.manage',
    input: z.strictObject({ login: loginSchema }),
    output: returns<UserSummary>(),
  }),
  /** Re-enables a disabled account with a new initial password (a new key slot). */
  'user:enable': mutation({
    access: 'user.manage',
    input: z.strictObject({ login: loginSchema, password: passwordSchema, mustChangePassword: z.boolean().default(true) }),
    output: returns<UserSummary>(),
  }),
  /** An administrator sets a new password for someone else (forgotten password). */
  'user:reset-password': mutation({
    access: 'user.manage',
    input: z.strictObject({ login: loginSchema, password: passwordSchema, mustChangePassword: z.boolean().default(true) }),
    output: returns<UserSummary>(),
  }),
  /** Lifts a lock after wrong passwords before its time runs out. */
  'user:unlock': mutation({
    access: 'user.manage',
    input: z.strictObject({ login: loginSchema }),
    output: returns<UserSummary>(),
  }),
};
