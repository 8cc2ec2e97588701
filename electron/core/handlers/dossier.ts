import type { dossierContract } from '../../../shared/contract';
import { createDossier } from '../services/dossiers/create-dossier';
import { listDossiers } from '../services/dossiers/list-dossiers';
import type { HandlersFor } from './types';

export const dossierHandlers: HandlersFor<typeof dossierContract> = {
  'dossier:create': (ctx, input) => createDossier(ctx, input),
  'dossier:list': (ctx, input) => listDossiers(ctx, input),
};
