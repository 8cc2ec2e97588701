import { listLoans, type LoanRecord } from '../../../../db/repositories/loans';
import { continuationText, findingIssueLabels, type Outsider } from '../../../../shared/contract';
import { formatLocalDate, formatLocalDateTime } from '../../../../shared/time';
import { overdueDays } from '../../services/loans/loan-days';
import type { RegisterQuery, RegisterSource } from '../register-source';
import { rowLevel, type RegisterColumn, type RegisterRow } from '../register-spec';
import { chronological } from './chronological';

const columns: RegisterColumn[] = [
  { title: '登记号', weight: 4, type: 'integer', align: 'center' },
  { title: '借出时间', weight: 12.5, type: 'time' },
  { title: '档号', weight: 12.5, type: 'text' },
  { title: '案卷题名', weight: 15, type: 'text' },
  { title: '借阅人', weight: 11, type: 'text' },
  { title: '用途', weight: 9, type: 'text' },
  { title: '页数', weight: 4, type: 'integer', total: true },
  { title: '应还日期', weight: 9, type: 'day' },
  { title: '归还时间', weight: 12.5, type: 'time' },
  { title: '逾期天数', weight: 6.5, type: 'integer', total: true },
  { title: '经办人', weight: 8.5, type: 'text' },
  { title: '注销情况', weight: 14, type: 'text' },
];

function holder(loan: LoanRecord): string {
  if (loan.borrower) return `${loan.borrower.displayName}${loan.borrower.department ? `（${loan.borrower.department.name}）` : ''}`;
  const outsider = loan.outsider ? (JSON.parse(loan.outsider) as Outsider) : null;
  return outsider ? `${outsider.name}（${outsider.organisation}）` : '';
}

function cancellation(loan: LoanRecord): string {
  if (!loan.returned) return '未归还';
  const titles = new Map(loan.documents.map((d) => [d.id, d]));
  const latest = loan.returned.corrections.at(-1);
  const findings = (latest?.findings ?? loan.returned.findings).map((f) => {
    const document = titles.get(f.documentId);
    const pages = f.issue === 'pages-missing' && f.pagesBack !== undefined ? `（实收 ${f.pagesBack}/${document?.pages ?? 0} 页）` : '';
    return `${document?.title ?? ''}${findingIssueLabels[f.issue].zh}${pages}${f.note ? `：${f.note}` : ''}`;
  });
  const corrected = latest ? [`已更正（${latest.by.displayName}，${formatLocalDateTime(new Date(latest.at))}：${latest.reason}）`] : [];
  const continued = loan.returned.continuedBy ? [continuationText(loan.returned.continuedBy, 'continuedBy', 'zh')] : [];
  return [`已注销，${loan.returned.receivedBy.displayName}接收`, ...continued, ...findings, ...corrected, ...(loan.returned.note ? [loan.returned.note] : [])].join('；');
}

/** The loan register (外借登记册) or the consultation log (查阅登记簿): entries handed out in the period, oldest first. */
export function loanRegisterSource(kind: 'loan' | 'consultation') {
  return (db: Parameters<typeof listLoans>[0], query: RegisterQuery): RegisterSource => {
    const today = formatLocalDate(query.now);
    const filter = { state: 'all' as const, kind, from: query.fromTime, to: query.toTime, departmentId: query.departmentId ?? undefined, visibility: query.visibility, today };
    let overdue = 0;
    let out = 0;
    const rows = (function* (): Generator<RegisterRow> {
      for (const loan of chronological((offset, limit) => {
        const page = listLoans(db, filter, { offset, limit });
        return { items: page.loans, total: page.total };
      })) {
        const days = overdueDays(loan.dueOn, loan.returned?.at ?? null, query.now);
        if (days > 0) overdue += 1;
        if (!loan.returned) out += 1;
        yield {
          cells: [
            loan.id,
            formatLocalDateTime(new Date(loan.handedOutAt)),
            loan.dossier.archiveNumber,
            loan.dossier.title,
            holder(loan),
            loan.continues ? `${loan.purpose}（${continuationText(loan.continues, 'continues', 'zh')}）` : loan.purpose,
            loan.documents.reduce((sum, d) => sum + d.pages, 0),
            loan.dueOn,
            loan.returned ? formatLocalDateTime(new Date(loan.returned.at)) : null,
            days,
            loan.handedOutBy.displayName,
            cancellation(loan),
          ],
          level: rowLevel(query.settings.levels, loan.dossier.level),
        };
      }
    })();
    return {
      name: kind === 'loan' ? '档案外借登记册' : '档案查阅登记簿',
      columns: kind === 'loan' ? columns : columns.map((c) => (c.title === '借阅人' ? { ...c, title: '查阅人' } : c.title === '借出时间' ? { ...c, title: '查阅时间' } : c)),
      rows,
      summary: (totals) =>
        totals.rows === 0
          ? ['本期间没有登记。']
          : [`本册共 ${totals.rows} 条登记，其中逾期 ${overdue} 条，至打印时未归还 ${out} 条${totals.classified > 0 ? `；涉密 ${totals.classified} 条（密级栏标明）` : ''}。`, `逾期天数按应还日期至归还日（未归还者至打印日）计算（${today}）。`],
    };
  };
}
