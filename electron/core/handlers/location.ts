import type { locationContract } from '../../../shared/contract';
import { changeLocation, createLocation, listLocations, removeLocation, shelveDossier } from '../services/locations/locations';
import type { HandlersFor } from './types';

export const locationHandlers: HandlersFor<typeof locationContract> = {
  'location:list': (ctx) => listLocations(ctx),
  'location:create': (ctx, input) => createLocation(ctx, input),
  'location:update': (ctx, input) => changeLocation(ctx, input),
  'location:remove': (ctx, input) => removeLocation(ctx, input.id),
  'dossier:set-location': (ctx, input) => shelveDossier(ctx, input),
};
