import { listStocktakes } from '../../../../db/repositories/stocktakes';
import type { StocktakeSummary, StocktakeView } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { placeScope } from './place-scope';
import { assertReadsStocktakes, requireStocktake } from './stocktake-access';
import { stocktakeView, summaryOf } from './stocktake-view';

const LIST_MAX = 200;

export function listStocktakeSummaries(ctx: HandlerContext): StocktakeSummary[] {
  assertReadsStocktakes(ctx);
  const { db } = ctx.session().archive.database;
  return listStocktakes(db, LIST_MAX).map((record) => summaryOf(record, placeScope(db, record.locationId)));
}

export function getStocktake(ctx: HandlerContext, id: number): StocktakeView {
  assertReadsStocktakes(ctx);
  const session = ctx.session();
  const { db } = session.archive.database;
  const record = requireStocktake(db, id);
  return stocktakeView(db, record, placeScope(db, record.locationId), visibilityOf(db, session));
}
