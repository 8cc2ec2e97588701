import { findDossierById, insertDossier, takeNextSequence } from '../../../../db/repositories/dossiers';
import type { DossierSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import { DEFAULT_NUMBER_PREFIX, formatArchiveNumber, sequenceScope } from '../../../../shared/numbering';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { requireDepartment } from '../departments/departments';
import { assertGivableLevel, requireCustodian } from './dossier-access';
import { toDossierSummary } from './dossier-dto';

export interface NewDossierInput {
  title: string;
  level?: number | undefined;
  departmentCode?: string | undefined;
  custodian?: string | undefined;
}

/**
 * A new dossier: its archive number is taken from the sequence in the same transaction. It
 * belongs to the creator's department unless another visible one is named, gets the default level
 * (never above the creator's clearance), and at a marked level (机密 and above) it is stored
 * separately with a named custodian – the creator unless someone else is named (CF-01).
 */
export function createDossier(ctx: HandlerContext, input: NewDossierInput): DossierSummary {
  const session = ctx.session();
  const { record, settings } = session;
  const level = input.level ?? Math.min(settings.defaultDossierLevel, record.clearance);
  assertGivableLevel(session, level);
  const marked = levelAt(settings.levels, level).marked;
  const now = ctx.env.now();
  return ctx.write(
    (db) => {
      const departmentId = input.departmentCode ? requireDepartment(db, input.departmentCode).id : record.departmentId;
      if (departmentId === null) throw new AppError('VALIDATION', { zh: '您的账户没有所属部门，请指定档案的部门', en: 'Your account has no department; name the dossier’s department' });
      const scope = visibilityOf(db, session).departmentIds;
      if (scope !== null && !scope.includes(departmentId)) {
        throw new AppError('VALIDATION', { zh: '不能为本人无权查看的部门建档', en: 'You cannot open a dossier for a department you may not see' });
      }
      const custodianId = input.custodian ? requireCustodian(db, input.custodian, level).id : marked ? record.id : null;
      const year = now.getFullYear();
      const archiveNumber = formatArchiveNumber(DEFAULT_NUMBER_PREFIX, year, takeNextSequence(db, sequenceScope(DEFAULT_NUMBER_PREFIX, year)));
      const id = insertDossier(db, { archiveNumber, title: input.title, departmentId, level, custodianId, storedSeparately: marked, createdAt: now.toISOString(), createdBy: record.id });
      const dossier = findDossierById(db, id);
      if (!dossier) throw new AppError('INTERNAL');
      return toDossierSummary(dossier, settings.levels);
    },
    (dossier) => ({
      action: 'dossier:create',
      target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber },
      summary: { title: dossier.title, level: levelAt(settings.levels, dossier.level).name, department: dossier.department.code },
    }),
  );
}
