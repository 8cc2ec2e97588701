import { z } from 'zod';
import { DEFAULT_SHEET, sheetIdSchema } from '../label-sheets';
import { archiveNumberSchema } from './dossier';
import type { ExportFile } from './export-file';
import { query, returns } from './define';

export const labelContract = {
  /**
   * Labels (spine, box or folder) for dossiers on a label sheet, as a PDF printed at 100 %: the
   * archive number as text, Code 128 and QR, the title, level, retention, date opened and place.
   */
  'label:print': query({
    access: 'dossier.read',
    input: z.strictObject({
      archiveNumbers: z.array(archiveNumberSchema).min(1).max(1000),
      sheet: sheetIdSchema.default(DEFAULT_SHEET),
      /** The first free label on a partly used sheet (1: its first). */
      startAt: z.number().int().min(1).max(200).default(1),
    }),
    output: returns<ExportFile>(),
  }),
  /**
   * Scan cover sheets for a dossier: one for the dossier itself and one per checklist item asked
   * for ('all': every item of its type). Put first in a batch, a cover files the pages after it.
   */
  'label:cover-sheets': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema, checklistItems: z.union([z.literal('all'), z.array(z.string().max(40)).max(100)]).default([]) }),
    output: returns<ExportFile>(),
  }),
  /** The separator sheet: between two documents of a batch, it starts the next one. */
  'label:separator-sheet': query({
    access: 'dossier.read',
    input: z.strictObject({}),
    output: returns<ExportFile>(),
  }),
};
