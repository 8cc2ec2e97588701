import { departmentSubtree } from '../../../../db/repositories/departments';
import { activeUsersWithRole, findUserById, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import type { RouteStep } from '../../../../shared/approval-routing';
import { permissionsOf } from '../../../../shared/permissions';
import { mayHold } from '../dossiers/dossier-access';

interface Dossier {
  level: number;
  departmentId: number;
}

/** The people a request may not be decided by: who asked, who registered it, who decided a step already. */
export interface Excluded {
  requesterId: number | null;
  registeredBy: number;
  deciders: readonly number[];
}

/**
 * Who may decide a step: an active user holding the step's role with the right to approve, in the
 * dossier's department or above it when the step is bound to it, who may see the dossier (level
 * and department) – and never the requester, the clerk who registered it, or someone who decided
 * another step of it (an approval by two is two people).
 */
export function mayDecideStep(db: Db, user: UserRecord, step: RouteStep, dossier: Dossier, excluded: Excluded, threeRoleSeparation: boolean): boolean {
  if (user.status !== 'active' || !user.roles.includes(step.role)) return false;
  if (user.id === excluded.requesterId || user.id === excluded.registeredBy || excluded.deciders.includes(user.id)) return false;
  if (!permissionsOf(user.roles, threeRoleSeparation).has('approval.grant')) return false;
  if (step.departmentId !== null && (user.departmentId === null || !departmentSubtree(db, user.departmentId).includes(step.departmentId))) return false;
  return mayHold(db, user, dossier, threeRoleSeparation);
}

/** The users who could decide a step now. */
export function approversOf(db: Db, step: RouteStep, dossier: Dossier, excluded: Excluded, threeRoleSeparation: boolean): UserRecord[] {
  return activeUsersWithRole(db, [step.role])
    .map((id) => findUserById(db, id))
    .filter((user): user is UserRecord => user !== null && mayDecideStep(db, user, step, dossier, excluded, threeRoleSeparation));
}

/** Whether the route can be decided by distinct people, each step by someone not yet used for another. */
export function routeDecidable(db: Db, steps: readonly RouteStep[], dossier: Dossier, excluded: Excluded, threeRoleSeparation: boolean): RouteStep | null {
  const candidates = steps.map((step) => approversOf(db, step, dossier, excluded, threeRoleSeparation).map((u) => u.id));
  // A small matching: each step needs its own person (routes have at most a few steps).
  const taken = new Set<number>();
  const assign = (index: number): boolean => {
    if (index === candidates.length) return true;
    for (const id of candidates[index] ?? []) {
      if (taken.has(id)) continue;
      taken.add(id);
      if (assign(index + 1)) return true;
      taken.delete(id);
    }
    return false;
  };
  if (assign(0)) return null;
  return steps[candidates.findIndex((c) => c.length === 0)] ?? steps[steps.length - 1] ?? null;
}
