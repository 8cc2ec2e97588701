import { levelAt, type ConfidentialityLevel } from '../../../shared/levels';

/**
 * A register (登记册) as printed for auditors – intake book, consultation log, loan register,
 * approval records, KPI and violation reports alike: each supplies its columns and rows, and the
 * one layout prints it as a PDF (pdf/register.ts) or writes it as an .xlsx (register-xlsx.ts).
 */

/**
 * What a column holds, and so how it is printed and typed in a sheet:
 * - `text`: any text;
 * - `day`: a calendar day, `YYYY-MM-DD`;
 * - `time`: a local date and time to the minute, `YYYY-MM-DD HH:mm` (shared/time formatLocalDateTime);
 * - `integer`: a whole number (counts, overdue days);
 * - `money`: yuan, to the fen.
 */
export type RegisterValueType = 'text' | 'day' | 'time' | 'integer' | 'money';

export interface RegisterColumn {
  title: string;
  /** Share of the printed width. */
  weight: number;
  type: RegisterValueType;
  /** By default numbers are right-aligned, days and times centred, text left. */
  align?: 'left' | 'center' | 'right';
  /** Summed on the totals line (integer and money columns). */
  total?: boolean;
}

/** A text for `text` columns (a number is printed as it is), a number for `integer` and `money`; null for none. */
export type RegisterValue = string | number | null;

/** The confidentiality level of a classified entry's dossier. */
export interface RowLevel {
  name: string;
  rank: number;
  /** 机密 and above (CF-01): the highest such level is also marked on every page. */
  marked: boolean;
}

export interface RegisterRow {
  cells: readonly RegisterValue[];
  /** Set for an entry whose dossier is classified (秘密 and above): the row is marked with it. */
  level?: RowLevel | null;
}

export interface RegisterTotals {
  rows: number;
  classified: number;
  /** Per column, the sum of a `total` column; null for the others. */
  sums: (number | null)[];
}

export interface RegisterSpec {
  /** The register's name, e.g. 外借登记册. */
  name: string;
  /** The company's name (system settings); '' prints the register's name alone. */
  companyName: string;
  /** The days the register covers, `YYYY-MM-DD`. */
  period: { from: string; to: string };
  /** The filters in words, e.g. 部门：销售部；仅逾期; '' for none. */
  filters: string;
  printedBy: string;
  printedAt: string;
  columns: readonly RegisterColumn[];
  /** Iterated once, as they come: a long register is never held whole. */
  rows: Iterable<RegisterRow>;
  /** Lines under the totals, once every row is written (e.g. 其中逾期 12 笔). */
  summary?: (totals: RegisterTotals) => readonly string[];
  /** Who signs the printout, each with a date: 审核人 and 审批人 unless given. */
  signatures?: readonly string[];
  /** The export's watermark (user, department, time), drawn when a classified entry is listed. */
  watermark: string | null;
  /** Decided from the columns' widths unless given. */
  orientation?: 'portrait' | 'landscape';
}

export const DEFAULT_SIGNATURES = ['审核人', '审批人'] as const;

/** On every printed page of a register. */
export const REGISTER_NOTICE = '内部资料，严禁外传';

/** The level column, after the register's own: as wide as its title and the level names need. */
export const LEVEL_COLUMN_TITLE = '密级';

/** A row's level from the archive's scale: set for classified levels only. */
export function rowLevel(levels: readonly ConfidentialityLevel[], rank: number): RowLevel | null {
  const level = levelAt(levels, rank);
  return level.classified ? { name: level.name, rank, marked: level.marked } : null;
}

export function defaultAlign(type: RegisterValueType): 'left' | 'center' | 'right' {
  if (type === 'integer' || type === 'money') return 'right';
  return type === 'day' || type === 'time' ? 'center' : 'left';
}

/** The heading lines every form of the register carries: its period, and what it was filtered by. */
export function periodLine(spec: Pick<RegisterSpec, 'period'>): string {
  return `期间：${spec.period.from} 至 ${spec.period.to}`;
}

export function printedLine(spec: Pick<RegisterSpec, 'printedBy' | 'printedAt'>): string {
  return `打印：${spec.printedBy}，${spec.printedAt}`;
}

/**
 * Totals as the rows go by: row and classified counts, the sums of `total` columns (money summed
 * in fen, so that 0.1 + 0.2 is 0.3), and the highest marked level seen.
 */
export class TotalsCounter {
  private rows = 0;
  private classified = 0;
  private readonly sums: (number | null)[];
  private marked: RowLevel | null = null;

  constructor(private readonly columns: readonly RegisterColumn[]) {
    this.sums = columns.map((column) => (column.total ? 0 : null));
  }

  add(row: RegisterRow): void {
    this.rows += 1;
    if (row.level) {
      this.classified += 1;
      if (row.level.marked && (!this.marked || row.level.rank > this.marked.rank)) this.marked = row.level;
    }
    this.columns.forEach((column, i) => {
      const value = row.cells[i];
      const sum = this.sums[i];
      if (sum === null || sum === undefined || typeof value !== 'number') return;
      this.sums[i] = sum + (column.type === 'money' ? Math.round(value * 100) : value);
    });
  }

  get totals(): RegisterTotals {
    return { rows: this.rows, classified: this.classified, sums: this.sums.map((sum, i) => (sum !== null && this.columns[i]?.type === 'money' ? sum / 100 : sum)) };
  }

  /** The name of the highest marked level listed, for every page; null when none is. */
  get marking(): string | null {
    return this.marked?.name ?? null;
  }
}

/** What the totals line says when the register gives no summary of its own. */
export function defaultSummary(totals: RegisterTotals): string[] {
  if (totals.rows === 0) return ['本期间没有登记。'];
  return [`本册共 ${totals.rows} 条登记${totals.classified > 0 ? `，其中涉密 ${totals.classified} 条（密级栏标明）` : ''}。`];
}
