import { listDepartments } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import type { KpiFigures } from '../../../../shared/contract';
import { countNames, monthTallies } from '../../services/kpi/month-tallies';
import { monthSpan, monthsOfPeriod } from '../../services/kpi/months';
import type { RegisterQuery, RegisterSource } from '../register-source';
import type { RegisterColumn, RegisterRow } from '../register-spec';

const columns: RegisterColumn[] = [
  { title: '月份', weight: 9, type: 'text', align: 'center' },
  { title: '部门', weight: 12, type: 'text' },
  { title: '移交档案（有期限）', weight: 9, type: 'integer', total: true },
  { title: '按期移交', weight: 8, type: 'integer', total: true },
  { title: '上交及时率', weight: 8, type: 'text', align: 'right' },
  { title: '移交档案（全部）', weight: 9, type: 'integer', total: true },
  { title: '移交时完整', weight: 8, type: 'integer', total: true },
  { title: '完整率', weight: 8, type: 'text', align: 'right' },
  { title: '期末逾期借阅', weight: 8, type: 'integer' },
  { title: '当月新增逾期', weight: 8, type: 'integer', total: true },
  { title: '新建档案', weight: 8, type: 'integer', total: true },
];

/** A rate as printed: 83.3%, or – without anything to rate. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;
}

function cells(month: string, department: string, figures: KpiFigures): RegisterRow['cells'] {
  return [
    month,
    department,
    figures.handOvers,
    figures.onTime,
    percent(figures.onTime, figures.handOvers),
    figures.handedDossiers,
    figures.completeAtHandOver,
    percent(figures.completeAtHandOver, figures.handedDossiers),
    figures.overdueAtMonthEnd,
    figures.wentOverdue,
    figures.opened,
  ];
}

/**
 * The KPI report (考核指标统计表, KP-01): per month of the period and department, intake
 * timeliness and completeness at the first hand-over, overdue loans, dossiers opened – over the
 * dossiers the reader may see; a month cut by the period counts only its days in it.
 */
export function kpiRegisterSource(db: Db, query: RegisterQuery): RegisterSource {
  const names = countNames(db, query.settings.levels);
  const departments = new Map(listDepartments(db).map((d) => [d.id, `${d.name}（${d.code}）`]));
  const spans = monthsOfPeriod(query.from, query.to).map((month) => monthSpan(month, query.now, query));
  const tallies = monthTallies(db, spans, query.visibility, query.departmentId, names);
  const sum = { handOvers: 0, onTime: 0, handed: 0, complete: 0 };
  const rows = (function* (): Generator<RegisterRow> {
    for (const [i, span] of spans.entries()) {
      const tally = tallies[i];
      if (!tally) continue;
      const all = tally.figures('all');
      sum.handOvers += all.handOvers;
      sum.onTime += all.onTime;
      sum.handed += all.handedDossiers;
      sum.complete += all.completeAtHandOver;
      const ids = tally.departmentIds.sort((a, b) => (departments.get(a) ?? '').localeCompare(departments.get(b) ?? ''));
      for (const id of ids) yield { cells: cells(span.month, departments.get(id) ?? '', tally.figures(id)) };
      if (query.departmentId === null) yield { cells: cells(span.month, '全部', all) };
    }
  })();
  return {
    name: '档案考核指标统计表',
    columns,
    rows,
    summary: (totals) => [
      totals.rows === 0
        ? '本期间没有统计数据。'
        : `本期上交及时率 ${percent(sum.onTime, sum.handOvers)}（按期 ${sum.onTime} / 有期限 ${sum.handOvers} 份），完整率 ${percent(sum.complete, sum.handed)}（完整 ${sum.complete} / ${sum.handed} 份）。`,
      '说明：按档案首次移交计（更正后的登记以更正为准，补交不再计入）；及时率只计有移交期限的档案类型；完整率为移交时清单必备材料无缺的份数；借阅按借阅人所在部门，期末逾期为月末（当月为打印日）仍未归还且已过应还日期的借阅；“全部”行含各部门合计及外单位借阅。',
    ],
  };
}
