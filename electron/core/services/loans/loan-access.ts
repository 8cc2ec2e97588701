import { findVisibleDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import { findLoan, type LoanRecord } from '../../../../db/repositories/loans';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { readsRegisters } from '../../../../shared/register-readers';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';

export interface VisibleLoan {
  loan: LoanRecord;
  dossier: DossierRecord;
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的借阅登记`, en: `There is no loan no. ${id}` });
}

/** A loan on a dossier the user sees (the desk's work: return, correction); anything else is NOT_FOUND, as if it did not exist. */
export function requireVisibleLoan(db: Db, session: ActiveSession, id: number): VisibleLoan {
  const loan = findLoan(db, id);
  const dossier = loan ? findVisibleDossier(db, loan.dossier.archiveNumber, visibilityOf(db, session)) : null;
  if (!loan || !dossier) throw notFound(id);
  return { loan, dossier };
}

/** A loan the user may read: their own, or – for those who read the whole register – any on a dossier they see. */
export function requireReadableLoan(db: Db, session: ActiveSession, id: number): LoanRecord {
  const loan = findLoan(db, id);
  if (loan && loan.borrower?.id === session.record.id) return loan;
  if (!readsRegisters(session.record.roles, session.settings.threeRoleSeparation)) throw notFound(id);
  return requireVisibleLoan(db, session, id).loan;
}
