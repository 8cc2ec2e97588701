import type { ImportEncoding } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { AppError, type ErrorPayload } from '../../../../shared/errors';
import type { StagedImport } from '../../staged-import';
import type { CheckSummary, ImportDepartments } from './check-rows';
import type { ColumnPlan } from './import-mapping';
import type { PreparedRow } from './prepare-row';
import type { KnownCustomer } from '../customers/customer-match';

/** What the import worker is started with (structured-cloned into the thread). */
export interface ImportWorkerInput {
  source: StagedImport['source'];
  format: StagedImport['format'];
  encoding: ImportEncoding | null;
  definition: TypeDefinition;
  columns: ColumnPlan[];
  departments: ImportDepartments;
  /** ISO time: the rows are numbered and dated as of the import's start. */
  now: string;
  takenNumbers: string[];
  uniqueValues: [string, string[]][];
  /** The customers on file the importer may see, which rows are matched against. */
  customers: KnownCustomer[];
}

/**
 * From the worker: the archive numbers the sheet gives (first, if it has such a column), batches of
 * prepared rows (each acknowledged with 'ack'), then the summary or a failure.
 */
export type ImportWorkerMessage =
  | { kind: 'given'; numbers: string[] }
  | { kind: 'rows'; rows: PreparedRow[]; checked: number; badRows: number }
  | { kind: 'done'; summary: CheckSummary }
  | { kind: 'failed'; error: ErrorPayload; detail: string };

/** A failure inside the worker as the writing thread will raise it: an AppError keeps its code and message. */
export function workerFailure(error: unknown): ErrorPayload {
  return error instanceof AppError ? error.toPayload() : new AppError('INTERNAL').toPayload();
}
