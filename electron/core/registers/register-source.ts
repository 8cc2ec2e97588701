import type { Visibility } from '../../../db/repositories/dossiers';
import type { Db } from '../../../db/open';
import type { Settings } from '../../../shared/contract';
import type { RegisterColumn, RegisterRow, RegisterTotals } from './register-spec';

/** What a register is asked for: a period of local days, optionally one department's dossiers. */
export interface RegisterQuery {
  from: string;
  to: string;
  /** ISO bounds of the period (local days, start of `from` to end of `to`). */
  fromTime: string;
  toTime: string;
  departmentId: number | null;
  /** Only entries on dossiers the reader sees. */
  visibility: Visibility;
  settings: Settings;
  now: Date;
}

/** One register's content: its columns and its rows for the query, streamed; the layout does the rest. */
export interface RegisterSource {
  name: string;
  columns: readonly RegisterColumn[];
  rows: Iterable<RegisterRow>;
  summary?: (totals: RegisterTotals) => readonly string[];
  signatures?: readonly string[];
}

export type RegisterSourceMaker = (db: Db, query: RegisterQuery) => RegisterSource;
