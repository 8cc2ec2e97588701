import { z } from 'zod';
import { mutation, query, returns } from './define';
import { dossierFiltersSchema, dossierSortKeys } from './dossier';

/** The columns of the dossier list a user may show or hide. */
export const dossierListColumns = ['archiveNumber', 'title', 'match', 'type', 'complete', 'level', 'department', 'openedOn', 'createdAt', 'remark'] as const;
export type DossierListColumn = (typeof dossierListColumns)[number];

/** Columns no view hides: the number identifies the row, the remark carries 机密/绝密 (CF-01). */
export const fixedListColumns: readonly DossierListColumn[] = ['archiveNumber', 'remark'];

export const savedViewStateSchema = z.strictObject({
  query: z.string().trim().max(100).optional(),
  filters: dossierFiltersSchema.default({}),
  sort: z.strictObject({ by: z.enum(dossierSortKeys), direction: z.enum(['asc', 'desc']) }).default({ by: 'created', direction: 'desc' }),
  columns: z
    .array(z.enum(dossierListColumns))
    .max(dossierListColumns.length)
    .transform((chosen) => dossierListColumns.filter((c) => chosen.includes(c) || fixedListColumns.includes(c))),
});
export type SavedViewState = z.infer<typeof savedViewStateSchema>;

export interface SavedView {
  id: number;
  name: string;
  state: SavedViewState;
  updatedAt: string;
}

export const viewContract = {
  /** The signed-in user's saved views of the dossier list. */
  'view:list': query({
    access: 'dossier.read',
    input: z.strictObject({}),
    output: returns<SavedView[]>(),
  }),
  /** Saves the current view under a name (the same name replaces it). */
  'view:save': mutation({
    access: 'dossier.read',
    input: z.strictObject({ name: z.string().trim().min(1).max(40), state: savedViewStateSchema }),
    output: returns<SavedView>(),
  }),
  'view:remove': mutation({
    access: 'dossier.read',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: returns<{ removed: boolean }>(),
  }),
};
