import { departmentSubtree, findDepartmentIdByCode } from '../../../../../db/repositories/departments';
import type { Db } from '../../../../../db/open';
import type { ViolationEscalation, ViolationRule, ViolationRules } from '../../../../../shared/violation-rules';
import type { WorkingCalendar } from '../../calendar/working-days';
import { addDays } from '../../loans/loan-days';
import type { Finding } from './findings';

/** The departments a list of codes names, each with the departments below it (an unknown code names none). */
function departmentScope(db: Db, codes: readonly string[]): ReadonlySet<number> {
  return new Set(
    codes.flatMap((code) => {
      const id = findDepartmentIdByCode(db, code);
      return id === null ? [] : departmentSubtree(db, id);
    }),
  );
}

/** A day a finding counts on: the day itself (repetition 0), or the n-th day it repeated while not put right. */
export interface Occurrence {
  repetition: number;
  day: string;
}

/** The rules of the settings, read against the archive's departments and working days. */
export class RuleBook {
  private readonly rules: { rule: ViolationRule; departments: ReadonlySet<number> | null }[];
  private readonly escalation: { entry: ViolationEscalation; departments: ReadonlySet<number> }[];

  constructor(
    db: Db,
    settings: ViolationRules,
    private readonly calendar: WorkingCalendar,
  ) {
    this.rules = settings.rules.map((rule) => ({ rule, departments: rule.departments ? departmentScope(db, rule.departments) : null }));
    this.escalation = settings.escalation.map((entry) => ({ entry, departments: departmentScope(db, entry.departments) }));
  }

  /** Whether any rule looks for the trigger (and whether one of them repeats): what need not be read is not. */
  uses(trigger: Finding['trigger']): { used: boolean; repeating: boolean } {
    const rules = this.rules.filter(({ rule }) => rule.trigger === trigger);
    return { used: rules.length > 0, repeating: rules.some(({ rule }) => rule.repeatAfterWorkdays !== null) };
  }

  /** The first rule whose conditions the finding meets, with its place in the list; null when none fines it. */
  ruleFor(finding: Finding): { rule: ViolationRule; order: number } | null {
    const order = this.rules.findIndex(
      ({ rule, departments }) =>
        rule.trigger === finding.trigger &&
        (rule.types === null || (finding.dossier.typeKey !== null && rule.types.includes(finding.dossier.typeKey))) &&
        (rule.items === null || (finding.itemKey !== null && rule.items.includes(finding.itemKey))) &&
        (departments === null || (finding.person.departmentId !== null && departments.has(finding.person.departmentId))),
    );
    const found = this.rules[order];
    return found ? { rule: found.rule, order } : null;
  }

  /** The factor of the first escalation naming the person's department, once the person's violations in the month reach its count. */
  factorFor(departmentId: number | null, ordinal: number): number {
    if (departmentId === null) return 1;
    const applies = this.escalation.find(({ departments }) => departments.has(departmentId));
    return applies && ordinal >= applies.entry.fromCount ? applies.entry.factor : 1;
  }

  /**
   * The days from `firstDay` to `through` a finding counts on under its rule: its own day, and
   * (PN-08) once the rule's working days to put it right have passed, each further working day
   * until the day after the one it was put right by. The k-th repetition falls on the
   * (grace + k)-th working day after the finding and counts unless it was put right by the end
   * of the working day before.
   */
  occurrences(finding: Finding, rule: ViolationRule, window: { firstDay: string; through: string }): Occurrence[] {
    const found: Occurrence[] = finding.day >= window.firstDay && finding.day <= window.through ? [{ repetition: 0, day: finding.day }] : [];
    const grace = rule.repeatAfterWorkdays;
    if (grace === null) return found;
    // The working days after the finding before the window opens are skipped, not walked.
    const before = this.calendar.workdaysLate(finding.day, addDays(window.firstDay, -1));
    for (let k = Math.max(1, before - grace + 1); ; k += 1) {
      const day = this.calendar.addWorkdays(finding.day, grace + k);
      if (day > window.through) break;
      if (finding.correctedOn !== null && finding.correctedOn <= this.calendar.addWorkdays(finding.day, grace + k - 1)) break;
      found.push({ repetition: k, day });
    }
    return found;
  }
}
