import { findUserById, setUserRoles, activeUsersWithRole } from '../../../../db/repositories/users';
import type { SecurityPolicy, Settings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { separatedRoles, separationRoles, type Role } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import type { LockoutPolicy } from '../../vault/signin-state';
import { updateSigninState } from '../../vault/signin-state-lock';
import { readSettings, storeSeparation, updateSecurityPolicy } from '../settings/settings';
import { lockoutPolicy } from '../session/sign-in';
import { assertSomeoneManagesUsers, requireUser } from '../users/user-rules';

/** Only the keys that changed, before and after, for the audit trail. */
function changed(before: Settings, after: Settings): Record<string, { before: unknown; after: unknown }> {
  return Object.fromEntries(
    (Object.keys(after) as (keyof Settings)[])
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => [key, { before: before[key], after: after[key] }]),
  );
}

export async function updatePolicy(ctx: HandlerContext, changes: Partial<SecurityPolicy>): Promise<Settings> {
  const { archive } = ctx.session();
  const { after } = ctx.write(
    (db) => updateSecurityPolicy(db, changes),
    ({ before, after }) => ({ action: 'security:update-policy', summary: changed(before, after) }),
  );
  await mirrorLockoutPolicy(archive.paths.signinState, lockoutPolicy(after));
  return after;
}

/**
 * The lockout policy must be known before the database is open, so once committed it is mirrored
 * into the sign-in state, under that file's lock (other programs' counted attempts stay). If it
 * cannot be written now – a full disk, other programs holding the lock – the database stays
 * authoritative and the next sign-in mirrors it (confirmSignIn).
 */
async function mirrorLockoutPolicy(path: string, policy: LockoutPolicy): Promise<void> {
  const same = (held: LockoutPolicy) => held.maxAttempts === policy.maxAttempts && held.lockMinutes === policy.lockMinutes;
  try {
    await updateSigninState(path, (state) => ({ state: same(state.policy) ? null : { ...state, policy }, value: undefined }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/**
 * Three-role separation on: two other people become the security administrator and the security
 * auditor in the same step, so user management always has an owner. None of the three
 * administrative roles may be held together.
 */
export function enableSeparation(ctx: HandlerContext, input: { securityAdmin: string; securityAuditor: string }): Settings {
  const session = ctx.session();
  return ctx.write(
    (db) => {
      if (readSettings(db).threeRoleSeparation) throw new AppError('CONFLICT', { zh: '三员分立已经开启', en: 'Three-role separation is already on' });
      const admin = requireUser(db, input.securityAdmin);
      const auditor = requireUser(db, input.securityAuditor);
      const people = [session.record.id, admin.id, auditor.id];
      if (new Set(people).size !== 3) {
        throw new AppError('VALIDATION', { zh: '系统管理员、安全管理员、安全审计员必须是三个不同的人', en: 'The system administrator, security administrator and security auditor must be three different people' });
      }
      for (const [user, role] of [
        [admin, 'security-admin'],
        [auditor, 'security-auditor'],
      ] as const) {
        if (user.status !== 'active') throw new AppError('VALIDATION', { zh: `${user.displayName} 的账户已停用`, en: `${user.displayName}'s account is disabled` });
        if (user.roles.some((r) => separatedRoles.includes(r))) {
          throw new AppError('VALIDATION', { zh: `${user.displayName} 已担任管理角色`, en: `${user.displayName} already holds an administrative role` });
        }
        setUserRoles(db, user.id, [...user.roles, role]);
      }
      storeSeparation(db, true);
      assertSomeoneManagesUsers(db, readSettings(db));
      return { settings: readSettings(db), admin: admin.login, auditor: auditor.login };
    },
    ({ admin, auditor }) => ({ action: 'security:enable-separation', summary: { securityAdmin: admin, securityAuditor: auditor } }),
  ).settings;
}

/** Separation off: the two security roles lapse (a user left without a role becomes staff). */
export function disableSeparation(ctx: HandlerContext): Settings {
  return ctx.write(
    (db) => {
      if (!readSettings(db).threeRoleSeparation) throw new AppError('CONFLICT', { zh: '三员分立未开启', en: 'Three-role separation is off' });
      const holders = activeUsersWithRole(db, separationRoles);
      for (const id of holders) {
        const user = findUserById(db, id);
        if (!user) continue;
        const remaining = user.roles.filter((r) => !separationRoles.includes(r));
        setUserRoles(db, id, remaining.length ? remaining : (['staff'] satisfies Role[]));
      }
      storeSeparation(db, false);
      assertSomeoneManagesUsers(db, readSettings(db));
      return readSettings(db);
    },
    { action: 'security:disable-separation' },
  );
}
