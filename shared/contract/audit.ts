import { z } from 'zod';
import { isCalendarDay } from '../days';
import { loginSchema } from '../schemas';
import { bilingual } from '../validation';
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

/** A day (YYYY-MM-DD, the workstation's local day) or an exact ISO time. */
const timeBound = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, bilingual('日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'))
  .refine((text) => isCalendarDay(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)), bilingual('日期应为真实存在的日期', 'A date must be a real day'));

export const auditFilterSchema = z.strictObject({
  from: timeBound.optional(),
  to: timeBound.optional(),
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
