import { z } from 'zod';
import { departmentCodeSchema } from './department';
import { mutation, query, returns } from './define';
import type { ExportFile } from './export-file';

/** Where the rows of a column go: a field of the type, one of the dossier's own columns, or nowhere. */
export const dossierColumns = ['archiveNumber', 'title', 'classification', 'openedOn', 'remarks', 'department'] as const;
export type DossierColumn = (typeof dossierColumns)[number];

export const dossierColumnLabels: Record<DossierColumn, { zh: string; en: string }> = {
  archiveNumber: { zh: '档号', en: 'Archive number' },
  title: { zh: '案卷题名', en: 'Title' },
  classification: { zh: '客户分类', en: 'Classification' },
  openedOn: { zh: '建档日期', en: 'Date opened' },
  remarks: { zh: '备注', en: 'Remarks' },
  department: { zh: '所属部门', en: 'Department' },
};

export const importEncodings = ['utf-8', 'gb18030'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export type ImportTarget = { kind: 'field'; key: string } | { kind: 'dossier'; column: DossierColumn } | { kind: 'ignore' };

const targetSchema = z.union([
  z.strictObject({ kind: z.literal('field'), key: z.string().max(40) }),
  z.strictObject({ kind: z.literal('dossier'), column: z.enum(dossierColumns) }),
  z.strictObject({ kind: z.literal('ignore') }),
]);

export interface ImportPreview {
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** Detected for CSV (a BOM, or whether the bytes are valid UTF-8, else GB18030); null for xlsx. */
  detectedEncoding: ImportEncoding | null;
  encoding: ImportEncoding | null;
  headers: string[];
  /** The first rows as read, to check the encoding and the mapping by eye. */
  sample: string[][];
  /** Data rows (without the header); for a large CSV counted by its lines, so approximate if cells hold line breaks. */
  rowCount: number;
}

export interface ImportProblem {
  /** Row number as in the sheet (the header is row 1). */
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
}

export interface ImportCheck {
  rowCount: number;
  /** Rows with at least one problem. */
  badRows: number;
  problemCount: number;
  /** The first problems (all of them are in the downloadable report). */
  problems: ImportProblem[];
  /** What the first rows would become. */
  preview: { row: number; archiveNumber: string | null; title: string }[];
}

export interface ImportProgress {
  /** checking: rows read and checked; writing: dossiers stored; indexing: the search index built. */
  phase: 'reading' | 'checking' | 'writing' | 'indexing' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
}

export interface ImportResult {
  importId: number;
  imported: number;
  firstNumber: string | null;
  lastNumber: string | null;
  /** Rows left out for their problems (only when importing the good rows and reporting the rest). */
  skipped: number;
  problemCount: number;
  /** The first problems of the rows left out. */
  problems: ImportProblem[];
  /** Customers the rows named: new ones created, or dossiers filed under ones already on file. */
  customers: { created: number; linked: number };
}

export const IMPORT_PROBLEMS_SHOWN = 200;

const plan = {
  importId: z.uuid(),
  typeKey: z.string().max(32),
  /** CSV only: overrides the detected encoding. */
  encoding: z.enum(importEncodings).optional(),
  /** Header → target. Headers not named here map automatically (field key or label) or are ignored. */
  mapping: z.record(z.string().max(200), targetSchema).default({}),
  /** The department of every row, unless a column names another; defaults to the importing user's. */
  departmentCode: departmentCodeSchema.optional(),
  /** Import the good rows and report the others, instead of all or nothing. */
  skipBadRows: z.boolean().default(false),
};

export const importContract = {
  /**
   * Reads a CSV or .xlsx file staged for import (staging:*): headers, a sample, the row count. The
   * next steps read that very copy, so what is checked is what is imported. Opened again with
   * another encoding, nothing is uploaded again.
   */
  'import:open': query({
    access: 'dossier.create',
    input: z.strictObject({ stagedFileId: z.uuid(), encoding: z.enum(importEncodings).optional() }),
    output: returns<ImportPreview>(),
  }),
  /** The mapping a type suggests for the staged file's headers: a header equal to a field's key or label. */
  'import:suggest-mapping': query({
    access: 'dossier.create',
    input: z.strictObject({ importId: z.uuid(), typeKey: z.string().max(32) }),
    output: returns<Record<string, ImportTarget>>(),
  }),
  /** Validates every row – nothing is written. */
  'import:check': query({
    access: 'dossier.create',
    input: z.strictObject(plan),
    output: returns<ImportCheck>(),
  }),
  /** Every problem, row by row, as CSV (opens in Excel). */
  'import:report': query({
    access: 'dossier.create',
    input: z.strictObject(plan),
    output: returns<ExportFile>(),
  }),
  /** Validates again and imports every row in one transaction, or nothing. */
  'import:run': mutation({
    access: 'dossier.create',
    input: z.strictObject(plan),
    output: returns<ImportResult>(),
  }),
  /** How far a running import is; answered while it runs. */
  'import:progress': query({
    access: 'dossier.create',
    unqueued: true,
    input: z.strictObject({ importId: z.uuid() }),
    output: returns<ImportProgress>(),
  }),
  /** Stops a running import; everything it wrote is rolled back. */
  'import:cancel': query({
    access: 'dossier.create',
    unqueued: true,
    input: z.strictObject({ importId: z.uuid() }),
    output: returns<{ cancelling: boolean }>(),
  }),
  /** Forgets a staged file. */
  'import:close': query({
    access: 'dossier.create',
    input: z.strictObject({ importId: z.uuid() }),
    output: returns<{ closed: boolean }>(),
  }),
};
