import type { stocktakeContract } from '../../../shared/contract';
import { finishStocktake } from '../services/stocktake/finish-stocktake';
import { scanLabel } from '../services/stocktake/scan-label';
import { startStocktake } from '../services/stocktake/start-stocktake';
import { exportStocktakeReport } from '../services/stocktake/stocktake-report';
import { getStocktake, listStocktakeSummaries } from '../services/stocktake/stocktake-queries';
import type { HandlersFor } from './types';

export const stocktakeHandlers: HandlersFor<typeof stocktakeContract> = {
  'stocktake:list': (ctx) => listStocktakeSummaries(ctx),
  'stocktake:get': (ctx, input) => getStocktake(ctx, input.id),
  'stocktake:start': (ctx, input) => startStocktake(ctx, input),
  'stocktake:scan': (ctx, input) => scanLabel(ctx, input),
  'stocktake:finish': (ctx, input) => finishStocktake(ctx, input),
  'stocktake:report': (ctx, input) => exportStocktakeReport(ctx, input),
};
