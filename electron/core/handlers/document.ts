import type { documentContract } from '../../../shared/contract';
import { addDocument, changeDocument, removeDocument, reorderDocuments } from '../services/documents/documents';
import type { HandlersFor } from './types';

export const documentHandlers: HandlersFor<typeof documentContract> = {
  'document:add': (ctx, input) => addDocument(ctx, input),
  'document:update': (ctx, input) => changeDocument(ctx, input),
  'document:reorder': (ctx, input) => reorderDocuments(ctx, input),
  'document:remove': (ctx, input) => removeDocument(ctx, input.id),
};
