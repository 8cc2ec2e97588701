import { listDepartments } from '../../../../db/repositories/departments';
import { KPI_MONTHS, type CatalogueFigures, type DepartmentRef, type KpiReport, type ParsedInputOf } from '../../../../shared/contract';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { DossierCounts } from './dossier-counts';
import { FiguresTally } from './figures-tally';
import { catalogueRows, countNames, monthTallies } from './month-tallies';
import { monthsBack, monthSpan } from './months';
import { reportDepartment, requirePastMonth, requireStatisticsReader } from './statistics-access';

/**
 * KPIs per department and month (KP-01) for KPI_MONTHS months back from the chosen one: intake
 * timeliness and completeness at hand-over, overdue loans, dossiers opened by type, level and
 * classification – plus the chosen month per department and the catalogue as it stands. Every
 * figure is an aggregate query over the dossiers the reader may see.
 */
export function kpiReport(ctx: HandlerContext, input: ParsedInputOf<'kpi:report'>): KpiReport {
  const session = requireStatisticsReader(ctx, { zh: '统计', en: 'statistics' });
  const { db } = session.archive.database;
  const now = ctx.env.now();
  requirePastMonth(input.month, now);
  const department = reportDepartment(db, input.department);
  const departmentId = department?.id ?? null;
  const visibility = visibilityOf(db, session);
  const names = countNames(db, session.settings.levels);
  const departments = new Map(listDepartments(db).map((d) => [d.id, { code: d.code, name: d.name }]));

  const spans = monthsBack(input.month, KPI_MONTHS).map((month) => monthSpan(month, now));
  const tallies = monthTallies(db, spans, visibility, departmentId, names);
  const chosen = tallies[tallies.length - 1] ?? new FiguresTally(names);
  const catalogue = new Map<number | null | 'all', DossierCounts>();
  for (const row of catalogueRows(db, visibility, departmentId)) {
    for (const key of [row.departmentId, 'all'] as const) {
      const counts = catalogue.get(key) ?? new DossierCounts(names);
      counts.add(row);
      catalogue.set(key, counts);
    }
  }
  const catalogueOf = (key: number | 'all') => catalogueFigures(catalogue.get(key) ?? new DossierCounts(names));
  const listed = new Set([...chosen.departmentIds, ...[...catalogue.keys()].filter((key): key is number => typeof key === 'number')]);
  const byDepartment = [...listed]
    .flatMap((id) => {
      const ref: DepartmentRef | undefined = departments.get(id);
      return ref ? [{ department: ref, figures: chosen.figures(id), catalogue: catalogueOf(id) }] : [];
    })
    .sort((a, b) => a.department.code.localeCompare(b.department.code));

  return {
    month: input.month,
    department: department ? { code: department.code, name: department.name } : null,
    months: spans.map((span, i) => ({ month: span.month, through: span.through, ...(tallies[i] ?? new FiguresTally(names)).figures(departmentId ?? 'all') })),
    byDepartment,
    catalogue: catalogueOf('all'),
  };
}

function catalogueFigures(counts: DossierCounts): CatalogueFigures {
  return {
    dossiers: counts.total,
    complete: counts.complete,
    completeness: counts.total === 0 ? null : counts.complete / counts.total,
    byType: counts.types,
    byLevel: counts.levels,
  };
}
