import { listUsers } from '../../../../db/repositories/users';
import type { CustodianCandidate } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { requireDepartment } from '../departments/departments';
import { mayHold } from './dossier-access';

/** Everyone who may hold a dossier of this level and department (see mayHold), by name. */
export function custodianCandidates(ctx: HandlerContext, input: { level: number; departmentCode: string }): CustodianCandidate[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  const held = { level: input.level, departmentId: requireDepartment(db, input.departmentCode).id };
  return listUsers(db)
    .filter((user) => mayHold(db, user, held, session.settings.threeRoleSeparation))
    .map((user) => ({ login: user.login, displayName: user.displayName, department: user.department }));
}
