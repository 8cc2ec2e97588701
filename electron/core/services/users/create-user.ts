import { findUserById, findUserByLogin, insertUser, setKeySlotMac } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { UserSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Role } from '../../../../shared/permissions';
import { normalizeLogin } from '../../../../shared/schemas';
import type { HandlerContext } from '../../context';
import { createSlot, readKeySlotFile, slotMac } from '../../vault/key-slots';
import { requireDepartment } from '../departments/departments';
import { assertPasswordLength } from './password-policy';
import { putSlot } from './slot-effects';
import { toUserSummary } from './user-dto';
import { assertClearance, assertRoles } from './user-rules';

export interface NewUserInput {
  login: string;
  displayName: string;
  roles: Role[];
  departmentCode: string;
  clearance: number;
  password: string;
  mustChangePassword: boolean;
}

/** The administrator adds a user: a database record and a key slot for the user's initial password. */
export async function createUser(ctx: HandlerContext, input: NewUserInput): Promise<UserSummary> {
  const { archive, settings } = ctx.session();
  const login = normalizeLogin(input.login);
  assertLoginFree(archive.database.db, login);
  assertRoles(input.roles, settings);
  assertClearance(input.clearance, settings);
  assertPasswordLength(input.password, settings.passwordMinLength);
  requireDepartment(archive.database.db, input.departmentCode);
  // The slow key derivation runs before the transaction, so the database is never held by it.
  const slot = await createSlot(readKeySlotFile(archive.paths.keySlots), login, input.password, archive.dataKey, ctx.env.kdfCost);
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db, effects) => {
      assertLoginFree(db, login);
      const id = insertUser(db, {
        login,
        displayName: input.displayName,
        roles: input.roles,
        departmentId: requireDepartment(db, input.departmentCode).id,
        clearance: input.clearance,
        mustChangePassword: input.mustChangePassword,
        createdAt: at,
      });
      setKeySlotMac(db, id, slotMac(archive.dataKey, archive.archiveId, slot), at);
      putSlot(effects, archive.paths, slot);
      const user = findUserById(db, id);
      if (!user) throw new AppError('INTERNAL');
      return toUserSummary(user);
    },
    (user) => ({
      action: 'user:create',
      target: { type: 'user', id: user.id, label: user.login },
      summary: { displayName: user.displayName, roles: user.roles, department: user.department?.code, clearance: user.clearance, mustChangePassword: user.mustChangePassword },
    }),
  );
}

function assertLoginFree(db: Db, login: string): void {
  if (findUserByLogin(db, login)) {
    throw new AppError('CONFLICT', { zh: `登录名“${login}”已被使用`, en: `The login name "${login}" is already taken` });
  }
}
