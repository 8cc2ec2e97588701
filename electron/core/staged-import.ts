import type { ImportProblem, ImportProgress } from '../../shared/contract';
import type { StagedFileSource } from './staging/staged-file-format';

/**
 * A staged file opened for import (its bytes stay in the session's staging area, encrypted): the
 * next steps – mapping, check, run – refer to it by id. A running import reports its progress
 * here and looks here for a cancel request between steps.
 */
export interface StagedImport {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** The staged file it reads (and, once it is closed, discards). */
  stagedFileId: string;
  source: StagedFileSource;
  sha256: string;
  /** CSV: as detected or chosen when opened; null for .xlsx. */
  encoding: 'utf-8' | 'gb18030' | null;
  progress: ImportProgress;
  cancelRequested: boolean;
  /** After importing the good rows only: the problems of the rows left out (what its report lists). */
  leftOut?: { problems: ImportProblem[]; problemCount: number };
}

/** At most this many files are staged per session; opening another forgets the oldest. */
export const MAX_STAGED_IMPORTS = 4;
