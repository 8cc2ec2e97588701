import { listDepartments } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import { violationUnitLabels } from '../../../../shared/violation-rules';
import { periodViolations, violationTotals, violationViews } from '../../services/kpi/violations/violation-views';
import type { RegisterQuery, RegisterSource } from '../register-source';
import { rowLevel, type RegisterColumn, type RegisterRow } from '../register-spec';

const columns: RegisterColumn[] = [
  { title: '日期', weight: 8, type: 'day' },
  { title: '规则', weight: 13, type: 'text' },
  { title: '违规人', weight: 8, type: 'text' },
  { title: '部门', weight: 7, type: 'text' },
  { title: '档号', weight: 12, type: 'text' },
  { title: '情况', weight: 18, type: 'text' },
  { title: '数量', weight: 6, type: 'text', align: 'right' },
  { title: '单价（元）', weight: 6.5, type: 'money' },
  { title: '当月第几次', weight: 5.5, type: 'integer', align: 'center' },
  { title: '倍数', weight: 4.5, type: 'integer', align: 'center' },
  { title: '金额（元）', weight: 7.5, type: 'money', total: true },
];

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The violation report (违规处罚登记表, PN-01…PN-08): each violation the rules in the settings
 * find in the registers in the period, with its amount after escalation; totals per person and
 * department below. The department filter is the person's department.
 */
export function violationRegisterSource(db: Db, query: RegisterQuery): RegisterSource {
  const shown = violationViews(periodViolations(db, query.settings.violationRules, query, query.now), {
    visibility: query.visibility,
    departmentId: query.departmentId,
    departments: new Map(listDepartments(db).map((d) => [d.id, { code: d.code, name: d.name }])),
  });
  const totals = violationTotals(shown);
  const rows = shown.map(
    ({ view }): RegisterRow => ({
      cells: [
        view.day,
        `${view.rule.code} ${view.rule.name}`,
        view.person.name,
        view.department?.name ?? '外单位',
        view.archiveNumber,
        view.detail,
        `${view.units} ${violationUnitLabels[view.per].zh}`,
        view.unitAmount,
        view.ordinal,
        view.factor,
        view.amount,
      ],
      level: rowLevel(query.settings.levels, view.level),
    }),
  );
  return {
    name: '违规处罚登记表',
    columns,
    rows,
    signatures: ['档案管理员', '客户总监', '审批人'],
    summary: () =>
      shown.length === 0
        ? ['本期间没有违规。']
        : [
            `本期违规 ${totals.total.count} 次，罚款合计 ${yuan.format(totals.total.amount)} 元。`,
            `按人：${totals.people.map((p) => `${p.person.name}（${p.department?.name ?? '外单位'}）${p.count} 次 ${yuan.format(p.amount)} 元`).join('；')}。`,
            `按部门：${totals.departments.map((d) => `${d.department?.name ?? '外单位'} ${d.count} 次 ${yuan.format(d.amount)} 元`).join('；')}。`,
            '说明：违规由设置中的规则从签收簿和借阅登记册中得出；未按期改正的违规每个工作日重复计一次；同一人当月违规达到规定次数起罚款加倍（“倍数”栏）。',
          ],
  };
}
