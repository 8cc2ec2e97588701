import { z } from 'zod';
import { dossierLinkRelations, type DossierLinkRelation } from '../dossier-links';
import { mutation, returns } from './define';
import { archiveNumberSchema, type DossierDetail } from './dossier';

/** A cross-reference as one dossier shows it. */
export interface DossierLinkView {
  id: number;
  relation: DossierLinkRelation;
  /** What the other dossier is, from this side (诉讼案卷, 涉诉客户档案 …). */
  label: string;
  labelEn: string;
  rule: string;
  note: string | null;
  other: { archiveNumber: string; title: string; typeName: string | null; remark: string | null };
  createdAt: string;
  createdBy: string;
}

export const linkContract = {
  /** Links two dossiers (both must be visible to the user and editable); shown from both sides. */
  'link:add': mutation({
    access: 'dossier.edit',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      otherArchiveNumber: archiveNumberSchema,
      relation: z.enum(dossierLinkRelations),
      note: z.string().trim().max(200).nullable().optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  /** Removes a link; answers with the dossier it was removed from. */
  'link:remove': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, id: z.number().int().min(1) }),
    output: returns<DossierDetail>(),
  }),
};
