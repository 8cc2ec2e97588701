import { listUsers } from '../../../../db/repositories/users';
import type { CustodianCandidate } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { owningDepartment } from '../departments/owning-department';
import { assertGivableLevel, mayHold } from './dossier-access';

/**
 * Everyone who may hold a dossier of this level and department (see mayHold), by name – asked only
 * for a level the asker may give and a department the asker may file into, so the list tells no
 * more about who is cleared for what than choosing a custodian needs.
 */
export function custodianCandidates(ctx: HandlerContext, input: { level: number; departmentCode: string }): CustodianCandidate[] {
  const session = ctx.session();
  const { db } = session.archive.database;
  assertGivableLevel(session, input.level);
  const held = { level: input.level, departmentId: owningDepartment(db, session, input.departmentCode).id };
  return listUsers(db)
    .filter((user) => mayHold(db, user, held, session.settings.threeRoleSeparation))
    .map((user) => ({ login: user.login, displayName: user.displayName, department: user.department }));
}
