import { listDepartments } from '../../../../../db/repositories/departments';
import type { ParsedInputOf, ViolationReport } from '../../../../../shared/contract';
import type { HandlerContext } from '../../../context';
import { visibilityOf } from '../../access/visibility';
import { monthSpan } from '../months';
import { reportDepartment, requirePastMonth, requireStatisticsReader } from '../statistics-access';
import { monthViolations } from './ledger';
import { violationTotals, violationViews } from './violation-views';

/**
 * The violation ledger of a month (PN-01…PN-08), per person and department: found by the rules
 * in the settings in the intake book and the loan register, listed as far as the reader may see
 * the dossiers.
 */
export function violationReport(ctx: HandlerContext, input: ParsedInputOf<'violation:report'>): ViolationReport {
  const session = requireStatisticsReader(ctx, { zh: '违规记录', en: 'violation ledger' });
  const { db } = session.archive.database;
  const now = ctx.env.now();
  requirePastMonth(input.month, now);
  const department = reportDepartment(db, input.department);
  const span = monthSpan(input.month, now);
  const rules = session.settings.violationRules;
  const shown = violationViews(monthViolations(db, rules, span), {
    visibility: visibilityOf(db, session),
    departmentId: department?.id ?? null,
    departments: new Map(listDepartments(db).map((d) => [d.id, { code: d.code, name: d.name }])),
  });
  return {
    month: input.month,
    through: span.through,
    department: department ? { code: department.code, name: department.name } : null,
    rules,
    violations: shown.map((s) => s.view),
    ...violationTotals(shown),
  };
}
