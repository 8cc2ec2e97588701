import { departmentSubtree } from '../../../../db/repositories/departments';
import { activeUsersWithRole, findUserById, type UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { sameApprover, type PlannedStep, type RouteStep } from '../../../../shared/approval-routing';
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

/** Whether each step can have its own person, from the people who could decide each (routes have at most a few steps). */
function assignable(candidates: readonly (readonly number[])[]): boolean {
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
  return assign(0);
}

/** Whether the route can be decided by distinct people, each step by someone not yet used for another; the step that cannot, or null. */
export function routeDecidable(db: Db, steps: readonly RouteStep[], dossier: Dossier, excluded: Excluded, threeRoleSeparation: boolean): RouteStep | null {
  const candidates = steps.map((step) => approversOf(db, step, dossier, excluded, threeRoleSeparation).map((u) => u.id));
  if (assignable(candidates)) return null;
  return steps[candidates.findIndex((c) => c.length === 0)] ?? steps[steps.length - 1] ?? null;
}

/**
 * The route as it will be decided: each step by the approver the rules name or – when nobody
 * holding that role may decide it (the only holder asked, or registered the request) – by the
 * first next level that can; a next level already on the route is asked once. Every step still
 * needs a person of its own, never the requester or the registering clerk. Null: no way through.
 */
export function resolveRoute(db: Db, planned: readonly PlannedStep[], dossier: Dossier, excluded: Excluded, threeRoleSeparation: boolean): RouteStep[] | null {
  const known = new Map<string, number[]>();
  const deciders = (step: RouteStep): number[] => {
    const key = `${step.role}:${step.departmentId ?? '*'}`;
    let ids = known.get(key);
    if (!ids) known.set(key, (ids = approversOf(db, step, dossier, excluded, threeRoleSeparation).map((u) => u.id)));
    return ids;
  };
  // The rules' own approvers first, a next level only where needed: options in order, step by step.
  const choose = (index: number, chosen: readonly RouteStep[]): RouteStep[] | null => {
    const plan = planned[index];
    if (!plan) return assignable(chosen.map(deciders)) ? [...chosen] : null;
    for (const option of [plan.step, ...plan.fallback]) {
      if (deciders(option).length === 0) continue;
      const found = choose(index + 1, chosen.some((step) => sameApprover(step, option)) ? chosen : [...chosen, option]);
      if (found) return found;
    }
    return null;
  };
  return choose(0, []);
}
