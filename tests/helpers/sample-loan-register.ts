import { SampleData } from '../../electron/cli/bench/sample-data';
import type { RegisterColumn, RegisterRow, RegisterSpec } from '../../electron/core/registers/register-spec';

/**
 * A loan register (外借登记册) as the registers issue prints it, filled with realistic sample
 * entries: Chinese names and departments, archive numbers like XC-2026-000123, hand-out and return
 * times, due days and overdue days, some entries of classified dossiers. Deterministic (a seed),
 * so that benchmark figures compare between runs. For the layout's tests and the benchmark.
 */
export const loanColumns: readonly RegisterColumn[] = [
  { title: '序号', weight: 3.6, type: 'integer' },
  { title: '档号', weight: 9.5, type: 'text' },
  { title: '案卷题名', weight: 14.4, type: 'text' },
  { title: '借阅人', weight: 5.5, type: 'text' },
  { title: '部门', weight: 6.5, type: 'text' },
  { title: '方式', weight: 3.6, type: 'text' },
  { title: '借出时间', weight: 9, type: 'time' },
  { title: '应还日期', weight: 6.6, type: 'day' },
  { title: '归还时间', weight: 9, type: 'time' },
  { title: '逾期天数', weight: 5.2, type: 'integer', total: true },
  { title: '审批人', weight: 5.5, type: 'text' },
  { title: '状态', weight: 5.2, type: 'text' },
];

const DEPARTMENTS = ['销售部', '售后服务部', '客户服务部', '财务部', '市场部', '行政部', '二手车部', '保险理赔部'];
const TYPES = [
  { prefix: 'XC', name: '新车档案' },
  { prefix: 'SH', name: '售后档案' },
  { prefix: 'KH', name: '客户建档' },
  { prefix: 'CQ', name: '产权档案' },
];
const LEVELS = [
  { name: '秘密', rank: 2, marked: false },
  { name: '机密', rank: 3, marked: true },
];

const pad = (n: number) => String(n).padStart(2, '0');

export interface LoanRegisterOptions {
  rows: number;
  /** Names given to the first rows instead of sample ones (e.g. with rare characters). */
  names?: readonly string[];
  seed?: number;
}

/** The register's rows, made as they are read: ten thousand of them are never a list. */
export function* loanRows(options: LoanRegisterOptions): Generator<RegisterRow> {
  const data = new SampleData(options.seed);
  for (let i = 0; i < options.rows; i += 1) {
    const name = options.names?.[i] ?? data.name();
    const type = data.pick(TYPES);
    const month = 1 + data.int(3);
    const day = 1 + data.int(27);
    const out = `2026-${pad(month)}-${pad(day)} ${pad(8 + data.int(10))}:${pad(data.int(60))}`;
    const days = 1 + data.int(3);
    const due = `2026-${pad(month)}-${pad(Math.min(28, day + days))}`;
    const late = data.int(8) === 0 ? 1 + data.int(12) : 0;
    const returned = data.int(10) > 0;
    const back = returned ? `2026-${pad(month)}-${pad(Math.min(28, day + days + late))} ${pad(9 + data.int(8))}:${pad(data.int(60))}` : null;
    const loan = data.int(3) > 0;
    yield {
      cells: [
        i + 1,
        `${type.prefix}-2026-${String(1 + data.int(999_999)).padStart(6, '0')}`,
        `${data.name()} ${data.plate()} ${type.name}`,
        name,
        data.pick(DEPARTMENTS),
        loan ? '外借' : '查阅',
        out,
        due,
        back,
        late,
        data.name(),
        returned ? (late > 0 ? '逾期归还' : '已归还') : late > 0 ? '逾期未还' : '借出中',
      ],
      level: data.int(12) === 0 ? data.pick(LEVELS) : null,
    };
  }
}

export function loanRegister(options: LoanRegisterOptions): RegisterSpec {
  return {
    name: '外借登记册',
    companyName: '上海浦江汽车销售服务有限公司',
    period: { from: '2026-01-01', to: '2026-03-31' },
    filters: '全部部门；外借与查阅',
    printedBy: '档案员小王（clerk）',
    printedAt: '2026-04-01 09:30',
    columns: loanColumns,
    rows: loanRows(options),
    summary: (totals) => [`本册共 ${totals.rows} 笔借阅，其中涉密档案 ${totals.classified} 笔（密级栏标明），逾期合计 ${totals.sums[9] ?? 0} 天。`],
    watermark: '档案员小王（clerk） 档案室 2026-04-01 09:30',
  };
}
