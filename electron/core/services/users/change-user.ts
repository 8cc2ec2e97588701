import { findUserById, listUsers, setUserRoles, updateUser, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { UserSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Role } from '../../../../shared/permissions';
import type { HandlerContext } from '../../context';
import { createSlot, readKeySlotFile, slotIdFor, slotMac } from '../../vault/key-slots';
import { lockedUntil, readSigninState } from '../../vault/signin-state';
import { requireDepartment } from '../departments/departments';
import { assertNotCurrentPassword, assertPasswordLength } from './password-policy';
import { clearLockout } from './clear-lockout';
import { dropSlot, putSlot } from './slot-effects';
import { toUserSummary } from './user-dto';
import { assertClearance, assertRoles, assertSomeoneManagesUsers, requireUser } from './user-rules';

/** Every user with the lock state from the sign-in file. */
export function userList(ctx: HandlerContext): UserSummary[] {
  const { archive } = ctx.session();
  const slots = readKeySlotFile(archive.paths.keySlots);
  const signin = readSigninState(archive.paths.signinState);
  const now = ctx.env.now();
  return listUsers(archive.database.db).map((user) => toUserSummary(user, lockedUntil(signin, slotIdFor(slots, user.login), now)));
}

function summaryOf(db: Db, id: number): UserSummary {
  const user = findUserById(db, id);
  if (!user) throw new AppError('INTERNAL');
  return toUserSummary(user);
}

function snapshot(user: UserRecord | UserSummary) {
  return { displayName: user.displayName, roles: user.roles, department: user.department?.code ?? null, clearance: user.clearance, status: user.status };
}

function notSelf(ctx: HandlerContext, user: UserRecord, zh: string, en: string): void {
  if (user.id === ctx.session().record.id) throw new AppError('VALIDATION', { zh, en });
}

export function updateUserDetails(
  ctx: HandlerContext,
  input: { login: string; displayName?: string | undefined; roles?: Role[] | undefined; departmentCode?: string | undefined; clearance?: number | undefined },
): UserSummary {
  const { settings } = ctx.session();
  if (input.roles) assertRoles(input.roles, settings);
  if (input.clearance !== undefined) assertClearance(input.clearance, settings);
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const before = requireUser(db, input.login);
      if (before.status !== 'active') throw new AppError('CONFLICT', { zh: '账户已停用，请先启用', en: 'The account is disabled; enable it first' });
      updateUser(
        db,
        before.id,
        {
          ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
          ...(input.departmentCode === undefined ? {} : { departmentId: requireDepartment(db, input.departmentCode).id }),
          ...(input.clearance === undefined ? {} : { clearance: input.clearance }),
        },
        at,
      );
      if (input.roles) setUserRoles(db, before.id, input.roles);
      assertSomeoneManagesUsers(db, settings);
      return { before, after: summaryOf(db, before.id) };
    },
    ({ before, after }) => ({ action: 'user:update', target: { type: 'user', id: after.id, label: after.login }, summary: { before: snapshot(before), after: snapshot(after) } }),
  ).after;
}

/** Disabling removes the key slot: the account can no longer open the archive. Its history stays. */
export function disableUser(ctx: HandlerContext, login: string): UserSummary {
  const { archive, settings } = ctx.session();
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db, effects) => {
      const user = requireUser(db, login);
      notSelf(ctx, user, '不能停用自己的账户', 'You cannot disable your own account');
      if (user.status === 'disabled') throw new AppError('CONFLICT', { zh: '账户已经停用', en: 'The account is already disabled' });
      updateUser(db, user.id, { status: 'disabled', keySlotMac: null }, at);
      assertSomeoneManagesUsers(db, settings);
      dropSlot(effects, archive.paths, slotIdFor(readKeySlotFile(archive.paths.keySlots), user.login));
      return summaryOf(db, user.id);
    },
    (user) => ({ action: 'user:disable', target: { type: 'user', id: user.id, label: user.login } }),
  );
}

/** A new key slot for an account, with a password set by the administrator. */
async function giveNewPassword(
  ctx: HandlerContext,
  input: { login: string; password: string; mustChangePassword: boolean },
  action: 'user:enable' | 'user:reset-password',
): Promise<UserSummary> {
  const { archive, settings } = ctx.session();
  const target = requireUser(archive.database.db, input.login);
  notSelf(ctx, target, '请在“修改密码”中修改自己的密码', 'Change your own password under "Change password"');
  if (action === 'user:enable' && target.status !== 'disabled') throw new AppError('CONFLICT', { zh: '账户未停用', en: 'The account is not disabled' });
  if (action === 'user:reset-password' && target.status !== 'active') throw new AppError('CONFLICT', { zh: '账户已停用，请先启用', en: 'The account is disabled; enable it first' });
  assertPasswordLength(input.password, settings.passwordMinLength);
  const slots = readKeySlotFile(archive.paths.keySlots);
  await assertNotCurrentPassword(slots, target.login, input.password);
  const slot = await createSlot(slots, target.login, input.password, archive.dataKey, ctx.env.kdfCost);
  const at = ctx.env.now().toISOString();
  const summary = ctx.write(
    (db, effects) => {
      updateUser(db, target.id, { status: 'active', mustChangePassword: input.mustChangePassword, keySlotMac: slotMac(archive.dataKey, archive.archiveId, slot) }, at);
      putSlot(effects, archive.paths, slot);
      return summaryOf(db, target.id);
    },
    (user) => ({ action, target: { type: 'user', id: user.id, label: user.login }, summary: { mustChangePassword: user.mustChangePassword } }),
  );
  await clearLockout(archive.paths, slot.id, ctx.env.now(), 'new-password');
  return summary;
}

export function enableUser(ctx: HandlerContext, input: { login: string; password: string; mustChangePassword: boolean }): Promise<UserSummary> {
  return giveNewPassword(ctx, input, 'user:enable');
}

export function resetPassword(ctx: HandlerContext, input: { login: string; password: string; mustChangePassword: boolean }): Promise<UserSummary> {
  return giveNewPassword(ctx, input, 'user:reset-password');
}

/** The unlock is recorded first; the sign-in state is changed only once it has committed (clear-lockout.ts). */
export async function unlockUser(ctx: HandlerContext, login: string): Promise<UserSummary> {
  const { archive } = ctx.session();
  const user = ctx.write(
    (db) => summaryOf(db, requireUser(db, login).id),
    (unlocked) => ({ action: 'user:unlock', target: { type: 'user', id: unlocked.id, label: unlocked.login } }),
  );
  await clearLockout(archive.paths, slotIdFor(readKeySlotFile(archive.paths.keySlots), user.login), ctx.env.now(), 'unlock');
  return user;
}
