import type { UserRecord } from '../../../../db/repositories/users';
import type { SessionUser, UserSummary } from '../../../../shared/contract';
import { permissionsOf } from '../../../../shared/permissions';
import type { AuditActor } from '../../audit/chain';

export function toUserSummary(user: UserRecord, lockedUntil: Date | null = null): UserSummary {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: user.roles,
    department: user.department,
    clearance: user.clearance,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    createdAt: user.createdAt,
  };
}

export function toSessionUser(user: UserRecord, threeRoleSeparation: boolean): SessionUser {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: user.roles,
    permissions: [...permissionsOf(user.roles, threeRoleSeparation)].sort(),
    department: user.department,
    clearance: user.clearance,
    mustChangePassword: user.mustChangePassword,
  };
}

export function toActor(user: UserRecord): AuditActor {
  return { userId: user.id, login: user.login, displayName: user.displayName, department: user.department?.code ?? null };
}
