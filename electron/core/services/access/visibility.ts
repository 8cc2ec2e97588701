import { departmentSubtree } from '../../../../db/repositories/departments';
import type { Visibility } from '../../../../db/repositories/dossiers';
import type { UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { permissionsOf } from '../../../../shared/permissions';
import type { ActiveSession } from '../../session';

/**
 * Who sees a dossier: clearance ≥ the dossier's level AND the department scope allows it – the
 * reader's own department and the departments below it, or every department for roles granted
 * cross-department reading (archive clerk, general manager, …). Everything else does not exist for
 * the reader: not in lists, counts, search results or exports, and NOT_FOUND when asked by number.
 */
export function visibilityFor(db: Db, user: UserRecord, threeRoleSeparation: boolean): Visibility {
  const granted = permissionsOf(user.roles, threeRoleSeparation);
  if (user.status !== 'active' || !granted.has('dossier.read')) return { maxLevel: -1, departmentIds: [] };
  if (granted.has('dossier.read-all')) return { maxLevel: user.clearance, departmentIds: null };
  return { maxLevel: user.clearance, departmentIds: user.departmentId === null ? [] : departmentSubtree(db, user.departmentId) };
}

export function visibilityOf(db: Db, session: ActiveSession): Visibility {
  return visibilityFor(db, session.record, session.settings.threeRoleSeparation);
}
