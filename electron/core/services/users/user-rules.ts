import { activeUsersWithRole, findUserByLogin, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { Settings } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { assignableRoles, permissionMatrix, roleLabels, separatedRoles, type Role } from '../../../../shared/permissions';
import { normalizeLogin } from '../../../../shared/schemas';

export function requireUser(db: Db, login: string): UserRecord {
  const user = findUserByLogin(db, normalizeLogin(login));
  if (!user) throw new AppError('NOT_FOUND', { zh: `没有登录名为 ${login} 的用户`, en: `There is no user with login ${login}` });
  return user;
}

/** Roles must be assignable now; under separation no one holds two of the three administrative roles. */
export function assertRoles(roles: readonly Role[], settings: Settings): void {
  const allowed = assignableRoles(settings.threeRoleSeparation);
  const refused = roles.filter((r) => !allowed.includes(r));
  if (refused.length > 0) {
    throw new AppError('VALIDATION', {
      zh: `只有开启三员分立后才能授予：${refused.map((r) => roleLabels[r].zh).join('、')}`,
      en: `Only with three-role separation on can these be given: ${refused.map((r) => roleLabels[r].en).join(', ')}`,
    });
  }
  if (settings.threeRoleSeparation && roles.filter((r) => separatedRoles.includes(r)).length > 1) {
    throw new AppError('VALIDATION', {
      zh: '三员分立：系统管理员、安全管理员、安全审计员必须由不同的人担任',
      en: 'Three-role separation: the system administrator, security administrator and security auditor must be different people',
    });
  }
}

export function assertClearance(clearance: number, settings: Settings): void {
  if (clearance >= settings.levels.length) {
    throw new AppError('VALIDATION', { zh: '知悉范围超出了密级表', en: 'The clearance is beyond the confidentiality scale' });
  }
}

/** Roles that grant user management under the current setting. */
export function managingRoles(settings: Settings): Role[] {
  const matrix = permissionMatrix(settings.threeRoleSeparation);
  return (Object.keys(matrix) as Role[]).filter((role) => matrix[role].includes('user.manage'));
}

/** After a change, someone active must still be able to manage users, or nobody ever could again. */
export function assertSomeoneManagesUsers(db: Db, settings: Settings): void {
  if (activeUsersWithRole(db, managingRoles(settings)).length === 0) {
    throw new AppError('CONFLICT', { zh: '至少要保留一名可以管理用户的在用账户', en: 'At least one active account must remain able to manage users' });
  }
}
