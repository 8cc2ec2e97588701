import type { Visibility } from '../../../../../db/repositories/dossiers';
import type { Db } from '../../../../../db/open';
import type { DepartmentRef, ViolationTotal, ViolationView } from '../../../../../shared/contract';
import type { ViolationRules } from '../../../../../shared/violation-rules';
import { monthSpan, monthsOfPeriod } from '../months';
import type { Finding } from './findings';
import { monthViolations, personKey, type Violation } from './ledger';

/** What was found, in words. */
function detailOf(violation: Violation): string {
  const first = violation.findings[0] as Finding;
  const labels = violation.findings.map((f) => f.label).join('、');
  const what = {
    'intake-late': `逾期 ${first.workdaysLate} 个工作日（应交 ${first.deadline ?? ''}）`,
    'intake-missing-item': `缺：${labels}`,
    'loan-lost-document': `遗失：${labels}`,
    'loan-overdue': `应还 ${first.deadline ?? ''}，逾期未还`,
  }[first.trigger];
  return violation.repetition === 0 ? what : `${what}；未改正，第 ${violation.repetition} 次重复`;
}

function sees(visibility: Visibility, dossier: Finding['dossier']): boolean {
  return dossier.level <= visibility.maxLevel && (visibility.departmentIds === null || (dossier.departmentId !== null && visibility.departmentIds.includes(dossier.departmentId)));
}

export interface ViolationScope {
  visibility: Visibility;
  /** Only people of this department (id), or everyone. */
  departmentId: number | null;
  departments: ReadonlyMap<number, DepartmentRef>;
}

/** A violation as shown, with whom it is charged to (the same person under one key, whatever name they signed with). */
export interface ShownViolation {
  view: ViolationView;
  personKey: string;
}

/** The violations the reader may see – on dossiers they see, of the department asked about – as views. */
export function violationViews(violations: readonly Violation[], scope: ViolationScope): ShownViolation[] {
  return violations.flatMap((violation): ShownViolation[] => {
    const first = violation.findings[0] as Finding;
    if (!sees(scope.visibility, first.dossier)) return [];
    if (scope.departmentId !== null && first.person.departmentId !== scope.departmentId) return [];
    const view: ViolationView = {
      day: violation.day,
      rule: { code: violation.rule.code, name: violation.rule.name },
      trigger: first.trigger,
      person: { name: first.person.name, login: first.person.login },
      department: first.person.departmentId === null ? null : (scope.departments.get(first.person.departmentId) ?? null),
      archiveNumber: first.dossier.archiveNumber,
      dossierTitle: first.dossier.title,
      level: first.dossier.level,
      source: first.source,
      detail: detailOf(violation),
      repetition: violation.repetition,
      units: violation.units,
      per: violation.rule.per,
      unitAmount: violation.unitFen / 100,
      ordinal: violation.ordinal,
      factor: violation.factor,
      amount: violation.amountFen / 100,
    };
    return [{ view, personKey: personKey(first) }];
  });
}

/** The violations of the days from `from` to `to`, month by month (escalation counts within each month). */
export function periodViolations(db: Db, rules: ViolationRules, period: { from: string; to: string }, now: Date): Violation[] {
  return monthsOfPeriod(period.from, period.to).flatMap((month) => monthViolations(db, rules, monthSpan(month, now)).filter((v) => v.day >= period.from && v.day <= period.to));
}

/** Totals per person and per department, the largest amount first. */
export function violationTotals(shown: readonly ShownViolation[]): {
  people: ({ person: ViolationView['person']; department: DepartmentRef | null } & ViolationTotal)[];
  departments: ({ department: DepartmentRef | null } & ViolationTotal)[];
  total: ViolationTotal;
} {
  const people = new Map<string, { person: ViolationView['person']; department: DepartmentRef | null; count: number; fen: number }>();
  const departments = new Map<string, { department: DepartmentRef | null; count: number; fen: number }>();
  let count = 0;
  let fen = 0;
  for (const { view, personKey: key } of shown) {
    const amount = Math.round(view.amount * 100);
    const person = people.get(key) ?? { person: view.person, department: view.department, count: 0, fen: 0 };
    person.count += 1;
    person.fen += amount;
    people.set(key, person);
    const code = view.department?.code ?? '';
    const department = departments.get(code) ?? { department: view.department, count: 0, fen: 0 };
    department.count += 1;
    department.fen += amount;
    departments.set(code, department);
    count += 1;
    fen += amount;
  }
  const byAmount = <T extends { fen: number; count: number }>(a: T, b: T) => b.fen - a.fen || b.count - a.count;
  return {
    people: [...people.values()].sort(byAmount).map(({ fen: f, ...rest }) => ({ ...rest, amount: f / 100 })),
    departments: [...departments.values()].sort(byAmount).map(({ fen: f, ...rest }) => ({ ...rest, amount: f / 100 })),
    total: { count, amount: fen / 100 },
  };
}
