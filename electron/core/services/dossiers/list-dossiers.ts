import { listDossiers as listDossierRows } from '../../../../db/repositories/dossiers';
import type { DossierPage } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';

export function listDossiers(ctx: HandlerContext, input: { query?: string | undefined; cursor?: string | undefined; limit: number }): DossierPage {
  const { db } = ctx.session().archive.database;
  const page = listDossierRows(db, {
    ...(input.query ? { text: input.query } : {}),
    ...(input.cursor ? { beforeId: Number(input.cursor) } : {}),
    limit: input.limit,
  });
  const last = page.items.at(-1);
  return { items: page.items, total: page.total, nextCursor: page.hasMore && last ? String(last.id) : null };
}
