import { z } from 'zod';
import { dossierTitleSchema, loginSchema } from '../schemas';
import { departmentCodeSchema } from './department';
import { mutation, query, returns } from './define';
import type { ExportFile } from './export-file';

export interface DossierSummary {
  id: number;
  archiveNumber: string;
  title: string;
  /** Rank on the confidentiality scale. */
  level: number;
  department: { code: string; name: string };
  /** The remark column (CF-01): the level's name for marked levels (机密, 绝密), else null. */
  remark: string | null;
  createdAt: string;
  createdBy: { id: number; displayName: string };
}

export interface DossierDetail extends DossierSummary {
  classified: boolean;
  /** CF-01: marked levels are stored separately and held by a named custodian. */
  storedSeparately: boolean;
  custodian: { login: string; displayName: string } | null;
  updatedAt: string;
}

export interface DossierPage {
  items: DossierSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Only dossiers the caller may see are counted. */
  total: number;
}

export const DOSSIER_PAGE_MAX = 200;

export const archiveNumberSchema = z.string().trim().min(1).max(64);
const levelSchema = z.number().int().min(0).max(8);

export const dossierContract = {
  'dossier:create': mutation({
    access: 'dossier.create',
    input: z.strictObject({
      title: dossierTitleSchema,
      /** Defaults to the configured level for new dossiers (内部). */
      level: levelSchema.optional(),
      /** Defaults to the creating user's department. */
      departmentCode: departmentCodeSchema.optional(),
      /** Defaults to the creating user for marked levels. */
      custodian: loginSchema.optional(),
    }),
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
  /** Opens one dossier; a dossier the caller may not see does not exist for them (NOT_FOUND). */
  'dossier:get': query({
    access: 'dossier.read',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<DossierDetail>(),
  }),
  'dossier:classify': mutation({
    access: 'dossier.classify',
    input: z.strictObject({
      archiveNumber: archiveNumberSchema,
      level: levelSchema.optional(),
      custodian: loginSchema.nullable().optional(),
      storedSeparately: z.boolean().optional(),
    }),
    output: returns<DossierDetail>(),
  }),
  /** The dossier's record as PDF; classified dossiers need an approval and carry a watermark. */
  'dossier:export': mutation({
    access: 'dossier.export',
    input: z.strictObject({ archiveNumber: archiveNumberSchema }),
    output: returns<ExportFile>(),
  }),
};
