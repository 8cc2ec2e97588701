import { z } from 'zod';
import { timeBoundSchema } from '../days';
import { loginSchema } from '../schemas';
import { mutation, query, returns } from './define';
import type { ExportFile } from './export-file';

export interface AuditEventView {
  id: number;
  at: string;
  user: { id: number; login: string; displayName: string; department: string | null } | null;
  action: string;
  target: { type: string; id: string; label: string | null } | null;
  /** What changed (before/after), as recorded. */
  summary: Record<string, unknown> | null;
  /** The summary in words – names for codes, labels for keys, local time – in both languages. */
  description: { zh: string; en: string };
  frontDoor: 'ui' | 'cli';
}

export interface AuditPage {
  items: AuditEventView[];
  nextCursor: string | null;
}

export const auditFilterSchema = z.strictObject({
  /** A day (YYYY-MM-DD, the workstation's local day) or an exact ISO time. */
  from: timeBoundSchema.optional(),
  to: timeBoundSchema.optional(),
  user: loginSchema.optional(),
  /** One action (`document:add`), or a family by its prefix (`document:`). */
  action: z.string().trim().max(64).optional(),
  archiveNumber: z.string().trim().max(64).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditContract = {
  'audit:list': query({
    access: 'audit.read',
    input: auditFilterSchema.extend({
      cursor: z.string().regex(/^\d+$/).optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: returns<AuditPage>(),
  }),
  /** The filtered trail as CSV or PDF; the export itself is recorded in the trail. */
  'audit:export': mutation({
    access: 'audit.read',
    input: auditFilterSchema.extend({ format: z.enum(['csv', 'pdf']) }),
    output: returns<ExportFile>(),
  }),
};
