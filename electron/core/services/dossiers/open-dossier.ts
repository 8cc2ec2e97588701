import type { DossierDetail } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { requireVisibleDossier } from './dossier-access';
import { toDossierDetail } from './dossier-dto';

/** Opens a dossier; every view of a classified dossier is recorded in the audit trail. */
export function openDossier(ctx: HandlerContext, archiveNumber: string): DossierDetail {
  const session = ctx.session();
  const detail = toDossierDetail(requireVisibleDossier(session.archive.database.db, session, archiveNumber), session.settings.levels);
  if (!detail.classified) return detail;
  return ctx.write(() => detail, { action: 'dossier:view', target: { type: 'dossier', id: detail.id, label: detail.archiveNumber } });
}
