import { z } from 'zod';
import { typeDefinitionSchema, type TypeDefinition } from '../dossier-types';
import { mutation, query, returns } from './define';

export interface DossierTypeView extends TypeDefinition {
  /** Current version; a saved change makes the next one. */
  version: number;
  active: boolean;
}

export const typeContract = {
  'type:list': query({
    access: 'session',
    input: z.strictObject({}),
    output: returns<DossierTypeView[]>(),
  }),
  /** Creates a type or saves its definition as a new version (existing dossiers keep theirs). */
  'type:save': mutation({
    access: 'type.manage',
    input: z.strictObject({ definition: typeDefinitionSchema }),
    output: returns<DossierTypeView>(),
  }),
};
