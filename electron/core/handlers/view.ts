import type { viewContract } from '../../../shared/contract';
import { listSavedViews, removeView, saveView } from '../services/views/saved-views';
import type { HandlersFor } from './types';

export const viewHandlers: HandlersFor<typeof viewContract> = {
  'view:list': (ctx) => listSavedViews(ctx),
  'view:save': (ctx, input) => saveView(ctx, input),
  'view:remove': (ctx, input) => removeView(ctx, input.id),
};
