import type { DepartmentRecord } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { requireDepartment } from './departments';

/**
 * The department something new is filed under (a dossier, a customer, an import's rows): the
 * user's own unless another one the user may see is named.
 */
export function owningDepartment(db: Db, session: ActiveSession, code: string | undefined): DepartmentRecord {
  const own = session.record.department?.code;
  const department = code ? requireDepartment(db, code) : own ? requireDepartment(db, own) : null;
  if (!department) throw new AppError('VALIDATION', { zh: '您的账户没有所属部门，请指定档案的部门', en: 'Your account has no department; name the dossier’s department' });
  const scope = visibilityOf(db, session).departmentIds;
  if (scope !== null && !scope.includes(department.id)) {
    throw new AppError('VALIDATION', { zh: '不能为本人无权查看的部门建档', en: 'You cannot open a dossier for a department you may not see' });
  }
  return department;
}
