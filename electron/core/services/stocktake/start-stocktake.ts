import { insertStocktake, openStocktakeAt } from '../../../../db/repositories/stocktakes';
import type { StocktakeView } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { placeScope } from './place-scope';
import { requireStocktake } from './stocktake-access';
import { stocktakeView } from './stocktake-view';

/** Opens the stocktake of a place (and everything inside it); a place has one open stocktake at a time – resume that one. */
export function startStocktake(ctx: HandlerContext, input: { locationId: number }): StocktakeView {
  const session = ctx.session();
  const { db } = session.archive.database;
  const scope = placeScope(db, input.locationId);
  const id = ctx.write(
    (w) => {
      const open = openStocktakeAt(w, input.locationId);
      if (open !== null) throw new AppError('CONFLICT', { zh: `${scope.place.fullCode} 的第 ${open} 号盘点尚未结束，请继续该盘点`, en: `Stocktake no. ${open} of ${scope.place.fullCode} is not finished yet; resume it` });
      return insertStocktake(w, { locationId: input.locationId, startedBy: session.record.id, startedAt: ctx.env.now().toISOString() });
    },
    (newId) => ({ action: 'stocktake:start', target: { type: 'stocktake', id: newId }, summary: { place: scope.place.fullCode } }),
  );
  return stocktakeView(db, requireStocktake(db, id), scope, visibilityOf(db, session));
}
