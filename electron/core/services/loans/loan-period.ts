import type { DossierRecord } from '../../../../db/repositories/dossiers';
import type { LoanPeriodLimitView, Settings } from '../../../../shared/contract';
import { loanPeriodLimit, type LoanPeriodLimit } from '../../../../shared/loan-periods';
import type { HandlerContext } from '../../context';
import { requireVisibleDossier } from '../dossiers/dossier-access';

/** The longest loan or consultation of this dossier: the general period, or shorter for its level or type. */
export function periodLimitOf(settings: Settings, dossier: Pick<DossierRecord, 'level' | 'type'>): LoanPeriodLimit {
  return loanPeriodLimit(settings, { level: dossier.level, typeKey: dossier.type?.key ?? null });
}

export function loanPeriodLimitView(ctx: HandlerContext, archiveNumber: string): LoanPeriodLimitView {
  const session = ctx.session();
  const dossier = requireVisibleDossier(session.archive.database.db, session, archiveNumber);
  return { archiveNumber: dossier.archiveNumber, ...periodLimitOf(session.settings, dossier) };
}
