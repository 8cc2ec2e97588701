import type { typeContract } from '../../../shared/contract';
import { currentTypes, toTypeView } from '../services/types/type-catalog';
import { saveType } from '../services/types/types';
import type { HandlersFor } from './types';

export const typeHandlers: HandlersFor<typeof typeContract> = {
  'type:list': (ctx) => currentTypes(ctx.session().archive.database.db).map(toTypeView),
  'type:save': (ctx, input) => saveType(ctx, input.definition),
};
