import type { Command } from 'commander';
import type { KpiMonth, ViolationReport } from '../../../shared/contract';
import type { Run } from '../program';

/** A rate as shown: 83.3%, or – without anything to rate. */
const rate = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const yuan = (value: number) => value.toFixed(2);

function monthLine(month: KpiMonth): string {
  return [
    month.month,
    `及时率 ${rate(month.timeliness)}（${month.onTime}/${month.handOvers}）`,
    `完整率 ${rate(month.completeness)}（${month.completeAtHandOver}/${month.handedDossiers}）`,
    `逾期借阅 ${month.overdueAtMonthEnd}（新增 ${month.wentOverdue}）`,
    `新建档案 ${month.opened}`,
  ].join('\t');
}

function violationLines(report: ViolationReport): string {
  if (report.violations.length === 0) return `${report.month}：（无违规 / no violations）`;
  return [
    ...report.violations.map((v) => [v.day, v.rule.code, v.person.name, v.department?.name ?? '外单位', v.archiveNumber, v.detail, v.factor > 1 ? `第 ${v.ordinal} 次 ×${v.factor}` : `第 ${v.ordinal} 次`, yuan(v.amount)].join('\t')),
    '',
    ...report.people.map((p) => `${p.person.name}\t${p.department?.name ?? '外单位'}\t${p.count} 次\t${yuan(p.amount)}`),
    `合计 / total\t${report.total.count} 次\t${yuan(report.total.amount)}`,
  ].join('\n');
}

/** `kpi show`, `violation list`: the statistics (KP-01) and the violation ledger (PN-01…PN-08) of a month. */
export function registerKpiCommands(program: Command, run: Run): void {
  program
    .command('kpi')
    .description('考核指标 / KPIs')
    .command('show')
    .description('12 个月的上交及时率、完整率、逾期借阅与新建档案 / 12 months of timeliness, completeness, overdue loans and dossiers opened')
    .requiredOption('--month <yyyy-mm>', '截至此月 / up to this month')
    .option('--department <code>', '只看此部门 / this department only')
    .action(run(async (session, options: { month: string; department?: string }) => {
      await session.signIn();
      const report = await session.call('kpi:report', { month: options.month, ...(options.department ? { department: options.department } : {}) });
      await session.show(report, (shown) =>
        [`${shown.department ? `${shown.department.name}（${shown.department.code}）` : '全部部门 / all departments'}`, ...shown.months.map(monthLine)].join('\n'),
      );
    }));

  program
    .command('violation')
    .description('违规处罚 / violations')
    .command('list')
    .description('一个月的违规及罚款（按规则从登记簿得出） / a month’s violations and fines (found in the registers by the rules)')
    .requiredOption('--month <yyyy-mm>', '月份 / month')
    .option('--department <code>', '只看此部门的人 / this department’s people only')
    .action(run(async (session, options: { month: string; department?: string }) => {
      await session.signIn();
      const report = await session.call('violation:report', { month: options.month, ...(options.department ? { department: options.department } : {}) });
      await session.show(report, violationLines);
    }));
}
