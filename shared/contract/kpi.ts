import { z } from 'zod';
import { bilingual } from '../validation';
import type { ViolationRules, ViolationTrigger, ViolationUnit } from '../violation-rules';
import { departmentCodeSchema } from './department';
import { query, returns } from './define';

export { REGISTER_READERS } from '../register-readers';

/** A month, YYYY-MM. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual('月份格式应为 YYYY-MM', 'A month is written YYYY-MM'));

/** How many months the KPI report runs back, the chosen one included. */
export const KPI_MONTHS = 12;

export interface DepartmentRef {
  code: string;
  name: string;
}

/** A count under a name: a dossier type, a level, a customer classification. */
export interface NamedCount {
  key: string;
  name: string;
  count: number;
}

/**
 * One month's figures (KP-01) for a department or the whole archive, over the dossiers the reader
 * may see. Hand-overs are counted per dossier at its first hand-over, over the intake book's
 * entries that count: an entry corrected by a later one does not, and a later entry bringing what
 * was short is not the dossier handed over again.
 */
export interface KpiFigures {
  /** Dossiers handed over whose type has a deadline … */
  handOvers: number;
  /** … of them by their deadline; 上交及时率 = onTime / handOvers (null without hand-overs). */
  onTime: number;
  timeliness: number | null;
  /** Every dossier handed over … */
  handedDossiers: number;
  /** … of them with no checklist item missing at the hand-over; 完整率 = complete / handedDossiers. */
  completeAtHandOver: number;
  completeness: number | null;
  /** Loans and consultations past their due day and not back at the end of the month (or today, in the current month). */
  overdueAtMonthEnd: number;
  /** Loans whose first overdue day fell in the month. */
  wentOverdue: number;
  /** Dossiers opened (建档) in the month, by type, level and customer classification. */
  opened: number;
  openedByType: NamedCount[];
  openedByLevel: NamedCount[];
  openedByClassification: NamedCount[];
}

export interface KpiMonth extends KpiFigures {
  month: string;
  /** The last day counted: the month's last day, or today in the current month. */
  through: string;
}

/** The catalogue as it stands now: how many dossiers, how many complete (every required item filed), by type and level. */
export interface CatalogueFigures {
  dossiers: number;
  complete: number;
  completeness: number | null;
  byType: NamedCount[];
  byLevel: NamedCount[];
}

export interface KpiReport {
  month: string;
  /** The department asked about, or null for every department. */
  department: DepartmentRef | null;
  /** KPI_MONTHS months, oldest first, ending with the chosen one. */
  months: KpiMonth[];
  /** The chosen month per department (hand-overs by the handing department, loans by the borrower's, dossiers by their own). */
  byDepartment: { department: DepartmentRef; figures: KpiFigures; catalogue: CatalogueFigures }[];
  catalogue: CatalogueFigures;
}

/** One violation of the ledger: found by a rule in the registers, never typed in. */
export interface ViolationView {
  /** The day it counts on (the hand-over, the return, the first overdue day, or a day it repeated on). */
  day: string;
  rule: { code: string; name: string };
  trigger: ViolationTrigger;
  /** The intake's handed-by person (and account, when known), or the borrower. */
  person: { name: string; login: string | null };
  department: DepartmentRef | null;
  archiveNumber: string;
  dossierTitle: string;
  level: number;
  /** The register entry it was found in. */
  source: { register: 'intake' | 'loan'; id: number };
  /** What was found, in words (逾期 3 个工作日；缺：交车检查表 …). */
  detail: string;
  /** 0 for the violation itself; n for its n-th repetition while not put right (PN-08). */
  repetition: number;
  units: number;
  per: ViolationUnit;
  /** The rule's amount per unit, yuan. */
  unitAmount: number;
  /** The person's n-th violation in the month, and the factor of the escalation that applied (1: none). */
  ordinal: number;
  factor: number;
  /** Yuan: unitAmount × units × factor. */
  amount: number;
}

export interface ViolationTotal {
  count: number;
  amount: number;
}

export interface ViolationReport {
  month: string;
  through: string;
  department: DepartmentRef | null;
  rules: ViolationRules;
  /** Oldest first. */
  violations: ViolationView[];
  people: ({ person: { name: string; login: string | null }; department: DepartmentRef | null } & ViolationTotal)[];
  departments: ({ department: DepartmentRef | null } & ViolationTotal)[];
  total: ViolationTotal;
}

const reportInput = z.strictObject({
  month: monthSchema,
  /** Only this department (its code): hand-overs by it, loans of its people, its dossiers. */
  department: departmentCodeSchema.optional(),
});

export const kpiContract = {
  /** KPIs per department and month (KP-01), KPI_MONTHS months back from `month`. */
  'kpi:report': query({
    access: 'dossier.read',
    input: reportInput,
    output: returns<KpiReport>(),
  }),
  /** The violation ledger of a month (PN-01…PN-08), per person and department, from the rules in the settings. */
  'violation:report': query({
    access: 'dossier.read',
    input: reportInput,
    output: returns<ViolationReport>(),
  }),
};
