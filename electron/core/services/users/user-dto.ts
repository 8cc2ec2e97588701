import type { UserRecord } from '../../../../db/repositories/users';
import type { SessionUser, UserSummary } from '../../../../shared/contract';
import { permissionsOf } from '../../../../shared/permissions';
import type { AuditActor } from '../../audit/chain';

export function toUserSummary(user: UserRecord): UserSummary {
  return { id: user.id, login: user.login, displayName: user.displayName, roles: user.roles, status: user.status, createdAt: user.createdAt };
}

export function toSessionUser(user: UserRecord): SessionUser {
  return { id: user.id, login: user.login, displayName: user.displayName, roles: user.roles, permissions: [...permissionsOf(user.roles)].sort() };
}

export function toActor(user: { id: number; login: string; displayName: string }): AuditActor {
  return { userId: user.id, login: user.login, displayName: user.displayName };
}
