import { z } from 'zod';
import { calendarDaySchema } from '../days';
import { multiLine } from '../plain-text';
import { archiveNumberSchema } from './dossier';
import { mutation, returns } from './define';
import type { DossierDetail } from './dossier';

export interface DocumentView {
  id: number;
  checklistItem: string | null;
  title: string;
  docDate: string | null;
  form: 'original' | 'copy';
  pages: number;
  groupKey: string | null;
  /** Sequence number within the group. */
  position: number;
  level: number;
  remarks: string | null;
  createdAt: string;
}

const day = calendarDaySchema;
const documentFields = {
  title: z.string().trim().min(1).max(200),
  docDate: day.nullable(),
  form: z.enum(['original', 'copy']),
  pages: z.number().int().min(0).max(10_000),
  level: z.number().int().min(0).max(8),
  remarks: multiLine(z.string().trim().max(500)).nullable(),
};

/** Every change to the documents answers with the whole dossier: completeness and level may change with it. */
export const documentContract = {
  'document:add': mutation({
    access: 'dossier.edit',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      /** The checklist item this document fulfils; its name is the default title. */
      checklistItem: z.string().max(40).optional(),
      groupKey: z.string().max(24).nullable().optional(),
      title: documentFields.title.optional(),
      docDate: documentFields.docDate.optional(),
      form: documentFields.form.optional(),
      pages: documentFields.pages.default(1),
      level: documentFields.level.optional(),
      remarks: documentFields.remarks.optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  'document:update': mutation({
    access: 'dossier.edit',
    input: z.strictObject({
      id: z.number().int().min(1),
      /** Moves the document to another group (to its end). */
      groupKey: z.string().max(24).nullable().optional(),
      title: documentFields.title.optional(),
      docDate: documentFields.docDate.optional(),
      form: documentFields.form.optional(),
      pages: documentFields.pages.optional(),
      level: documentFields.level.optional(),
      remarks: documentFields.remarks.optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  /** New order of one group's documents (drag and drop); sequence numbers follow it. */
  'document:reorder': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, groupKey: z.string().max(24).nullable(), order: z.array(z.number().int().min(1)).min(1).max(2000) }),
    output: returns<DossierDetail>(),
  }),
  'document:remove': mutation({
    access: 'dossier.edit',
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: returns<DossierDetail>(),
  }),
};
