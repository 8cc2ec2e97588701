import { z } from 'zod';
import { dossierTitleSchema } from '../schemas';
import { mutation, query, returns } from './define';

export interface DossierSummary {
  id: number;
  archiveNumber: string;
  title: string;
  createdAt: string;
  createdBy: { id: number; displayName: string };
}

export interface DossierPage {
  items: DossierSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  total: number;
}

export const DOSSIER_PAGE_MAX = 200;

export const dossierContract = {
  'dossier:create': mutation({
    access: 'dossier.create',
    input: z.strictObject({ title: dossierTitleSchema }),
    output: returns<DossierSummary>(),
  }),
  'dossier:list': query({
    access: 'dossier.read',
    input: z.strictObject({
      query: z.string().trim().max(100).optional(),
      cursor: z.string().regex(/^\d+$/).optional(),
      limit: z.number().int().min(1).max(DOSSIER_PAGE_MAX).default(50),
    }),
    output: returns<DossierPage>(),
  }),
};
