import type { dossierContract } from '../../../shared/contract';
import { classifyDossier } from '../services/dossiers/classify-dossier';
import { createDossier } from '../services/dossiers/create-dossier';
import { exportDossier } from '../services/dossiers/export-dossier';
import { listDossiers } from '../services/dossiers/list-dossiers';
import { openDossier } from '../services/dossiers/open-dossier';
import type { HandlersFor } from './types';

export const dossierHandlers: HandlersFor<typeof dossierContract> = {
  'dossier:create': (ctx, input) => createDossier(ctx, input),
  'dossier:list': (ctx, input) => listDossiers(ctx, input),
  'dossier:get': (ctx, input) => openDossier(ctx, input.archiveNumber),
  'dossier:classify': (ctx, input) => classifyDossier(ctx, input),
  'dossier:export': (ctx, input) => exportDossier(ctx, input.archiveNumber),
};
