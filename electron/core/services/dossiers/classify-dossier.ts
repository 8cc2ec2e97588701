import { findDossierById, updateClassification } from '../../../../db/repositories/dossiers';
import type { DossierDetail } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { levelAt } from '../../../../shared/levels';
import type { HandlerContext } from '../../context';
import { assertGivableLevel, assertNotBelowDocuments, requireCustodian, requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';

/**
 * Sets a dossier's level, custodian and separate storage. At a marked level the dossier is always
 * stored separately and always has a custodian (CF-01). It never goes below its highest document's level.
 */
export function classifyDossier(
  ctx: HandlerContext,
  input: { archiveNumber: string; level?: number | undefined; custodian?: string | null | undefined; storedSeparately?: boolean | undefined },
): DossierDetail {
  const session = ctx.session();
  const { levels } = session.settings;
  const at = ctx.env.now().toISOString();
  return ctx.write(
    (db) => {
      const dossier = requireVisibleDossier(db, session, input.archiveNumber);
      const level = input.level ?? dossier.level;
      if (input.level !== undefined) assertGivableLevel(session, level);
      assertNotBelowDocuments(db, dossier.id, level, levels);
      const marked = levelAt(levels, level).marked;
      const held = { level, departmentId: dossier.departmentId };
      // A kept custodian must still be allowed to hold the dossier at its new level.
      const custodian = input.custodian === undefined ? (dossier.custodian?.login ?? null) : input.custodian;
      let custodianId = custodian === null ? null : requireCustodian(db, session, custodian, held).id;
      if (marked && custodianId === null) custodianId = session.record.id;
      if (marked && input.storedSeparately === false) {
        throw new AppError('VALIDATION', { zh: `${levelAt(levels, level).name}档案必须单独存放`, en: `${levelAt(levels, level).name} dossiers must be stored separately` });
      }
      const storedSeparately = marked || (input.storedSeparately ?? dossier.storedSeparately);
      updateClassification(db, dossier.id, { level, custodianId, storedSeparately, at });
      const after = findDossierById(db, dossier.id);
      if (!after) throw new AppError('INTERNAL');
      return { before: toDossierDetail(db, dossier, session), after: toDossierDetail(db, after, session) };
    },
    ({ before, after }) => ({
      action: 'dossier:classify',
      target: { type: 'dossier', id: after.id, label: after.archiveNumber },
      summary: {
        before: { level: levelAt(levels, before.level).name, custodian: before.custodian?.login ?? null, storedSeparately: before.storedSeparately },
        after: { level: levelAt(levels, after.level).name, custodian: after.custodian?.login ?? null, storedSeparately: after.storedSeparately },
      },
    }),
  ).after;
}
