import { findVisibleCustomer, type CustomerWithDepartment } from '../../../../db/repositories/customers';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';

/** A customer the session may see, else NOT_FOUND (a hidden customer looks like none). */
export function requireCustomer(db: Db, session: ActiveSession, id: number): CustomerWithDepartment {
  const customer = findVisibleCustomer(db, id, visibilityOf(db, session));
  if (!customer) throw new AppError('NOT_FOUND', { zh: '没有此客户', en: 'There is no such customer' });
  return customer;
}
