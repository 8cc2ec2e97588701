import { findDossierById, insertDossier, takeNextSequence } from '../../../../db/repositories/dossiers';
import type { DossierSummary } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { DEFAULT_NUMBER_PREFIX, formatArchiveNumber, sequenceScope } from '../../../../shared/numbering';
import type { HandlerContext } from '../../context';

/** The archive number is taken from the sequence in the same transaction that stores the dossier. */
export function createDossier(ctx: HandlerContext, input: { title: string }): DossierSummary {
  const { user } = ctx.session();
  const now = ctx.env.now();
  return ctx.write(
    (db) => {
      const year = now.getFullYear();
      const sequence = takeNextSequence(db, sequenceScope(DEFAULT_NUMBER_PREFIX, year));
      const archiveNumber = formatArchiveNumber(DEFAULT_NUMBER_PREFIX, year, sequence);
      const id = insertDossier(db, { archiveNumber, title: input.title, createdAt: now.toISOString(), createdBy: user.id });
      const dossier = findDossierById(db, id);
      if (!dossier) throw new AppError('INTERNAL');
      return dossier;
    },
    (dossier) => ({ action: 'dossier:create', target: { type: 'dossier', id: dossier.id, label: dossier.archiveNumber }, summary: { title: dossier.title } }),
  );
}
