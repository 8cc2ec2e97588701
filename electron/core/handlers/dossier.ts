import type { dossierContract } from '../../../shared/contract';
import { classifyDossier } from '../services/dossiers/classify-dossier';
import { createDossier, previewDossierNumber } from '../services/dossiers/create-dossier';
import { exportDossier } from '../services/dossiers/export-dossier';
import { listDossiers } from '../services/dossiers/list-dossiers';
import { openDossier, revealField } from '../services/dossiers/open-dossier';
import { updateDossier } from '../services/dossiers/update-dossier';
import { dossierHistory } from '../services/dossiers/dossier-history';
import type { HandlersFor } from './types';

export const dossierHandlers: HandlersFor<typeof dossierContract> = {
  'dossier:create': (ctx, input) => createDossier(ctx, input),
  'dossier:preview-number': (ctx, input) => previewDossierNumber(ctx, input),
  'dossier:list': (ctx, input) => listDossiers(ctx, input),
  'dossier:get': (ctx, input) => openDossier(ctx, input.archiveNumber),
  'dossier:update': (ctx, input) => updateDossier(ctx, input),
  'dossier:history': (ctx, input) => dossierHistory(ctx, input),
  'dossier:reveal-field': (ctx, input) => revealField(ctx, input.archiveNumber, input.fieldKey),
  'dossier:classify': (ctx, input) => classifyDossier(ctx, input),
  'dossier:export': (ctx, input) => exportDossier(ctx, input),
};
