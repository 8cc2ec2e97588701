import { highestDocumentLevel } from '../../../../db/repositories/documents';
import { findVisibleDossier, type DossierRecord } from '../../../../db/repositories/dossiers';
import type { UserRecord } from '../../../../db/repositories/users';
import type { Db } from '../../../../db/open';
import { AppError } from '../../../../shared/errors';
import { levelAt, type ConfidentialityLevel } from '../../../../shared/levels';
import type { ActiveSession } from '../../session';
import { visibilityFor, visibilityOf } from '../access/visibility';
import { requireUser } from '../users/user-rules';

/** A dossier the session may see, or NOT_FOUND – the same answer as for a number that does not exist. */
export function requireVisibleDossier(db: Db, session: ActiveSession, archiveNumber: string): DossierRecord {
  const dossier = findVisibleDossier(db, archiveNumber, visibilityOf(db, session));
  if (!dossier) throw new AppError('NOT_FOUND', { zh: `没有档号为 ${archiveNumber} 的档案`, en: `There is no dossier ${archiveNumber}` });
  return dossier;
}

/** A level the acting user may give: on the scale and not above the user's own clearance. */
export function assertGivableLevel(session: ActiveSession, level: number): void {
  const { levels } = session.settings;
  if (level >= levels.length) throw new AppError('VALIDATION', { zh: '密级超出了密级表', en: 'The level is beyond the confidentiality scale' });
  if (level > session.record.clearance) {
    throw new AppError('VALIDATION', {
      zh: `密级不能高于本人的知悉范围（${levelAt(levels, session.record.clearance).name}）`,
      en: `The level cannot be above your own clearance (${levelAt(levels, session.record.clearance).name})`,
    });
  }
}

/**
 * Who may hold a dossier as its custodian (CF-01): an active user who may see it – cleared for its
 * level, and reading its department's dossiers.
 */
export function mayHold(db: Db, user: UserRecord, dossier: { level: number; departmentId: number }, threeRoleSeparation: boolean): boolean {
  const visibility = visibilityFor(db, user, threeRoleSeparation);
  return dossier.level <= visibility.maxLevel && (visibility.departmentIds === null || visibility.departmentIds.includes(dossier.departmentId));
}

export function requireCustodian(db: Db, session: ActiveSession, login: string, dossier: { level: number; departmentId: number }): UserRecord {
  const user = requireUser(db, login);
  if (!mayHold(db, user, dossier, session.settings.threeRoleSeparation)) {
    throw new AppError('VALIDATION', { zh: `${user.displayName} 无权查看此档案（密级或部门），不能保管它`, en: `${user.displayName} may not see this dossier (its level or department), so cannot hold it` }, { issues: [{ path: 'custodian', message: `${user.displayName} 不能保管此档案`, messageEn: `${user.displayName} cannot hold this dossier` }] });
  }
  return user;
}

/** A dossier takes the highest level of its documents (DOMAIN.md, 密级): it is never classified lower. */
export function assertNotBelowDocuments(db: Db, dossierId: number, level: number, levels: readonly ConfidentialityLevel[]): void {
  const highest = highestDocumentLevel(db, dossierId);
  if (level < highest) {
    throw new AppError('VALIDATION', {
      zh: `档案密级不能低于卷内文件的最高密级（${levelAt(levels, highest).name}）`,
      en: `A dossier’s level cannot be below its most secret document (${levelAt(levels, highest).name})`,
    });
  }
}
