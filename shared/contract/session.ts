import { z } from 'zod';
import type { Permission, Role } from '../permissions';
import { currentPasswordSchema, loginSchema, passwordSchema } from '../schemas';
import type { RepairedIndex } from './archive';
import { mutation, query, returns } from './define';

export interface SessionUser {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  /** What the roles grant under the current separation setting. */
  permissions: Permission[];
  department: { code: string; name: string } | null;
  /** Rank on the confidentiality scale: the highest level this user may see. */
  clearance: number;
  /** First sign-in or a reset: nothing but changing the password is allowed until it is done. */
  mustChangePassword: boolean;
}

export interface SessionInfo {
  user: SessionUser;
  idleLockMinutes: number;
  /** Set while the archive may be read but not written (damage seen, a rollback, a read-only folder). */
  condition: { code: 'ARCHIVE_DAMAGED' | 'ARCHIVE_ROLLED_BACK' | 'READ_ONLY' | 'DISK_FULL'; message: string; messageEn: string } | null;
}

/** A sign-in that first rebuilt damaged indexes says which. */
export interface SignedInInfo extends SessionInfo {
  repaired?: RepairedIndex;
}

export type LockReason = 'idle' | 'manual' | 'exit';

export interface SessionStatus {
  session: SessionInfo | null;
  /** Why the last session ended, so the sign-in screen can say so. */
  lockReason: LockReason | null;
  /** How long until the core locks the session if nobody touches it (null: nobody is signed in); the window warns before. */
  idleLockInMs: number | null;
}

export const sessionContract = {
  'session:status': query({
    access: 'public',
    input: z.strictObject({}),
    output: returns<SessionStatus>(),
  }),
  'session:login': mutation({
    access: 'public',
    // The password is checked by the key slot, not by a format rule: old passwords stay valid
    // when the policy changes.
    // repairIndexes: an administrator whose sign-in is refused because indexes it reads are
    // damaged rebuilds them first (see repair-before-sign-in.ts).
    input: z.strictObject({ login: loginSchema, password: currentPasswordSchema, repairIndexes: z.boolean().optional() }),
    output: returns<SignedInInfo>(),
  }),
  'session:lock': mutation({
    access: 'session',
    input: z.strictObject({}),
    output: returns<{ locked: true }>(),
  }),
  /** The user is active in the window: postpones the idle lock. Not a change of data, not audited. */
  'session:touch': query({
    access: 'session',
    unqueued: true,
    input: z.strictObject({}),
    output: returns<{ idleLockMinutes: number }>(),
  }),
  'session:change-password': mutation({
    access: 'session',
    input: z.strictObject({ currentPassword: currentPasswordSchema, newPassword: passwordSchema }),
    output: returns<{ changed: true }>(),
  }),
};
