import { listDossiers as listDossierRows } from '../../../../db/repositories/dossiers';
import type { DossierPage } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { toDossierSummary } from './dossier-dto';

/** Only what the reader may see is listed – and counted. */
export function listDossiers(ctx: HandlerContext, input: { query?: string | undefined; cursor?: string | undefined; limit: number }): DossierPage {
  const session = ctx.session();
  const { db } = session.archive.database;
  const page = listDossierRows(
    db,
    {
      ...(input.query ? { text: input.query } : {}),
      ...(input.cursor ? { beforeId: Number(input.cursor) } : {}),
      limit: input.limit,
    },
    visibilityOf(db, session),
  );
  const last = page.items.at(-1);
  return {
    items: page.items.map((record) => toDossierSummary(db, record, session.settings.levels)),
    total: page.total,
    nextCursor: page.hasMore && last ? String(last.id) : null,
  };
}
