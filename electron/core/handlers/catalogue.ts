import type { catalogueContract } from '../../../shared/contract';
import { exportCatalogue } from '../services/catalogue/export-catalogue';
import type { HandlersFor } from './types';

export const catalogueHandlers: HandlersFor<typeof catalogueContract> = {
  'dossier:export-list': (ctx, input) => exportCatalogue(ctx, input),
};
