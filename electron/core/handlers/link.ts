import type { linkContract } from '../../../shared/contract';
import { addLink, removeLink } from '../services/links/links';
import type { HandlersFor } from './types';

export const linkHandlers: HandlersFor<typeof linkContract> = {
  'link:add': (ctx, input) => addLink(ctx, input),
  'link:remove': (ctx, input) => removeLink(ctx, input),
};
