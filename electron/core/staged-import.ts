import type { ImportProgress } from '../../shared/contract';

/**
 * A file opened for import, kept in memory for the session (never written to disk unencrypted):
 * the next steps – mapping, check, run – refer to it by id. A running import reports its
 * progress here and looks here for a cancel request between steps.
 */
export interface StagedImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** The file's bytes, or its path when the core can read it itself. */
  source: { bytes: Uint8Array } | { path: string };
  sha256: string;
  /** CSV: as detected or chosen when opened; null for .xlsx. */
  encoding: 'utf-8' | 'gb18030' | null;
  progress: ImportProgress;
  cancelRequested: boolean;
}

/** At most this many files are staged per session; opening another forgets the oldest. */
export const MAX_STAGED_IMPORTS = 4;
