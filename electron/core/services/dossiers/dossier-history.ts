import type { AuditPage } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { listAudit } from '../audit/read-audit';
import { requireVisibleDossier } from './dossier-access';

/**
 * A dossier's history for anyone who may read it: its events, the import that brought it in and
 * links made from the other side, with whatever concerns dossiers the reader may not see blacked
 * out – the same reading as the auditor's trail filtered to the dossier.
 */
export function dossierHistory(ctx: HandlerContext, input: { archiveNumber: string; cursor?: string | undefined; limit: number }): AuditPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  requireVisibleDossier(db, session, input.archiveNumber);
  return listAudit(db, session, { archiveNumber: input.archiveNumber, ...(input.cursor ? { cursor: input.cursor } : {}), limit: input.limit });
}
