import { z } from 'zod';
import type { CheckAspect, CheckItemKey } from '../four-check';
import { archiveNumberSchema, dossierFiltersSchema } from './dossier';
import type { ExportFile } from './export-file';
import { mutation, query, returns } from './define';

/** What failed and where: the dossier and the document (by its group and number), when it is one's. */
export interface CheckFinding {
  archiveNumber: string | null;
  /** The document by its group (name) and sequence number – never its title: verifiers see no content. */
  document: { group: string | null; position: number } | null;
  message: string;
  messageEn: string;
}

/** One check item of the report; the findings listed stop at CHECK_FINDINGS_MAX, `failures` counts them all. */
export interface CheckItemResult {
  key: CheckItemKey;
  aspect: CheckAspect;
  ok: boolean;
  /** What was looked at: dossiers, documents, files or pages, as `summary` says. */
  checked: number;
  failures: number;
  findings: CheckFinding[];
  summary: string;
  summaryEn: string;
}

export const CHECK_FINDINGS_MAX = 200;

export interface FourCheckReport {
  ok: boolean;
  scope: { kind: CheckScope['kind']; label: string; labelEn: string };
  dossiers: number;
  files: number;
  pages: number;
  startedAt: string;
  finishedAt: string;
  checkedBy: string;
  items: CheckItemResult[];
}

/** The report, its PDF, and the PDF's SHA-256 as the audit trail keeps it. */
export interface FourCheckResult {
  report: FourCheckReport;
  file: ExportFile;
  sha256: string;
}

export interface CheckProgress {
  running: boolean;
  /** Files read and pages drawn so far, of `total`. */
  done: number;
  total: number;
}

/** At most this many archive numbers named at once; a larger set is a list selection or the whole archive. */
export const CHECK_NUMBERS_MAX = 10_000;

export const checkScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dossier'), archiveNumber: archiveNumberSchema }),
  z.strictObject({ kind: z.literal('dossiers'), archiveNumbers: z.array(archiveNumberSchema).min(1).max(CHECK_NUMBERS_MAX) }),
  /** The dossier list's selection: its search and filters, as the reader sees it. */
  z.strictObject({ kind: z.literal('list'), query: z.string().trim().max(100).optional(), filters: dossierFiltersSchema.default({}) }),
  z.strictObject({ kind: z.literal('archive') }),
]);
export type CheckScope = z.infer<typeof checkScopeSchema>;

export const fourCheckContract = {
  /**
   * The 四性 check of a dossier, a set or the whole archive, printed as PDF and kept as an audit
   * event with the PDF's SHA-256. Whoever verifies the archive checks any scope; whoever may
   * export a dossier checks that one dossier before exporting it.
   */
  'check:run': mutation({
    access: 'session',
    input: z.strictObject({ scope: checkScopeSchema }),
    output: returns<FourCheckResult>(),
  }),
  /** How far the check under way is (files read and pages drawn). */
  'check:progress': query({
    access: 'session',
    unqueued: true,
    poll: true,
    input: z.strictObject({}),
    output: returns<CheckProgress>(),
  }),
};
