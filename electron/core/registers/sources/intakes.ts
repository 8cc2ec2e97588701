import { listIntakes } from '../../../../db/repositories/intakes';
import type { Db } from '../../../../db/open';
import { formatLocalDateTime } from '../../../../shared/time';
import type { RegisterQuery, RegisterSource } from '../register-source';
import { rowLevel, type RegisterColumn, type RegisterRow } from '../register-spec';
import { chronological } from './chronological';

const columns: RegisterColumn[] = [
  { title: '签收号', weight: 5, type: 'integer', align: 'center' },
  { title: '交接时间', weight: 12.5, type: 'time' },
  { title: '移交部门', weight: 8, type: 'text' },
  { title: '移交人', weight: 7, type: 'text' },
  { title: '接收人', weight: 8, type: 'text' },
  { title: '档号', weight: 12.5, type: 'text' },
  { title: '案卷题名', weight: 15, type: 'text' },
  { title: '应交日期', weight: 9, type: 'day' },
  { title: '逾期工作日', weight: 6.5, type: 'integer', total: true },
  { title: '缺少材料', weight: 14, type: 'text' },
  { title: '备注', weight: 10, type: 'text' },
];

/** The intake book (签收簿): every dossier handed over in the period, one line each, oldest first; corrected entries say so. */
export function intakeRegisterSource(db: Db, query: RegisterQuery): RegisterSource {
  const filter = { from: query.fromTime, to: query.toTime, fromDepartmentId: query.departmentId ?? undefined };
  let late = 0;
  let short = 0;
  const rows = (function* (): Generator<RegisterRow> {
    for (const intake of chronological((offset, limit) => {
      const page = listIntakes(db, filter, query.visibility, { offset, limit });
      return { items: page.intakes, total: page.total };
    })) {
      const remark = [intake.correctsId !== null ? `更正第 ${intake.correctsId} 号` : '', intake.correctedById !== null ? `已由第 ${intake.correctedById} 号更正` : '', intake.shortageNote ?? ''].filter(Boolean).join('；');
      for (const line of intake.dossiers) {
        const missing = line.items.filter((item) => item.status === 'missing').map((item) => item.name);
        if ((line.workdaysLate ?? 0) > 0 && intake.correctedById === null) late += 1;
        if (missing.length > 0 && intake.correctedById === null) short += 1;
        yield {
          cells: [
            intake.id,
            formatLocalDateTime(new Date(intake.handedOverAt)),
            intake.fromDepartment.name,
            intake.handedByName,
            intake.receivedBy.displayName,
            line.dossier.archiveNumber,
            line.dossier.title,
            line.deadline,
            line.workdaysLate ?? 0,
            missing.join('、'),
            remark,
          ],
          level: rowLevel(query.settings.levels, line.dossier.level),
        };
      }
    }
  })();
  return {
    name: '档案签收簿',
    columns,
    rows,
    signatures: ['移交部门负责人', '档案管理员', '审核人'],
    summary: (totals) =>
      totals.rows === 0 ? ['本期间没有签收。'] : [`本期共签收 ${totals.rows} 份档案，其中逾期移交 ${late} 份，资料不齐 ${short} 份${totals.classified > 0 ? `；涉密 ${totals.classified} 份（密级栏标明）` : ''}。`],
  };
}
