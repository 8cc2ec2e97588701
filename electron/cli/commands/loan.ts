import type { Command } from 'commander';
import { findingIssueLabels, type Finding, type InputOf, type LoanView } from '../../../shared/contract';
import { formatLocalDateTime } from '../../../shared/time';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';
import { idOf, registerEngineCommands } from './approval';

const stateWords: Record<LoanView['state'], string> = { out: '借出', overdue: '逾期', returned: '已归还' };

function holder(loan: LoanView): string {
  if (loan.borrower) return `${loan.borrower.displayName}（${loan.borrower.login}）`;
  return loan.outsider ? `${loan.outsider.name}（${loan.outsider.organisation}）` : '';
}

/** One loan per line: id, state, kind, dossier, holder, out, due, overdue days. */
export function loanLine(loan: LoanView): string {
  return [
    loan.id,
    stateWords[loan.state],
    loan.kind === 'loan' ? '借阅' : '查阅',
    loan.archiveNumber,
    holder(loan),
    formatLocalDateTime(new Date(loan.handedOutAt)),
    `应还 ${loan.dueOn}`,
    loan.overdueDays > 0 ? `逾期 ${loan.overdueDays} 天` : '',
    loan.returned
      ? `归还 ${formatLocalDateTime(new Date(loan.returned.at))}${loan.returned.findings.length > 0 ? `，${loan.returned.findings.map((f) => `${f.title}${findingIssueLabels[f.issue].zh}`).join('、')}` : ''}${loan.returned.corrections.length > 0 ? '（已更正）' : ''}`
      : '',
  ]
    .join('\t')
    .trimEnd();
}

type LoanFilter = Omit<InputOf<'loan:list'>, 'offset' | 'limit'>;

/** Every entry the filter selects, a page at a time. */
async function allLoans(session: CliSession, filter: LoanFilter): Promise<LoanView[]> {
  const loans: LoanView[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await session.call('loan:list', { ...filter, offset, limit: 500 });
    loans.push(...page.loans);
    if (offset + 500 >= page.total) return loans;
  }
}

/** Documents named on the command line (title or id) as `missing` findings of what went out. */
function missingFindings(loan: LoanView, names: readonly string[] = []): Finding[] {
  return names.map((name) => {
    const document = loan.documents.find((d) => d.title === name || String(d.id) === name);
    if (!document) throw cliError('VALIDATION', `借出清单中没有文件“${name}”`, `No document "${name}" went out with this loan`);
    return { documentId: document.id, issue: 'missing' as const };
  });
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerLoanCommands(program: Command, run: Run): void {
  const loan = program.command('loan').description('借阅与查阅 / loans and consultations');
  registerEngineCommands(loan, run, ['loan', 'consultation'], 'loan|consultation');

  loan
    .command('checkout <request-id>')
    .description('按已批准的申请借出，输出借阅登记号 / hand out against an approved request; prints the loan id')
    .option('--signed-by <name>', '领取人签名（默认：申请人姓名） / the receiver’s signature (default: the requester’s name)')
    .option('--note <text>', '备注 / note')
    .action(run(async (session, requestId: string, options: { signedBy?: string; note?: string }) => {
      await session.signIn();
      const id = idOf(requestId, 'request');
      const request = await session.call('approval:get', { id });
      const name = options.signedBy ?? request.requester?.displayName ?? request.outsider?.name ?? '';
      const out = await session.call('loan:checkout', { requestId: id, signature: { name }, ...(options.note ? { note: options.note } : {}) });
      await session.show(out, (shown) => String(shown.id));
    }));

  loan
    .command('return <loan-id>')
    .description('归还注销；缺失的文件用 --missing 注明 / take back and cancel; name missing documents with --missing')
    .option('--missing <document>', '缺失的文件（题名或文件编号），可重复 / a missing document (title or id), repeatable', collect)
    .option('--signed-by <name>', '归还人签名（默认：借阅人姓名） / the returner’s signature (default: the borrower’s name)')
    .option('--note <text>', '备注 / note')
    .action(run(async (session, loanId: string, options: { missing?: string[]; signedBy?: string; note?: string }) => {
      await session.signIn();
      const id = idOf(loanId, 'loan');
      const open = await session.call('loan:get', { id });
      const findings = missingFindings(open, options.missing);
      const signer = options.signedBy ?? open.borrower?.displayName ?? open.outsider?.name ?? '';
      const back = await session.call('loan:return', { loanId: id, findings, signature: { name: signer }, ...(options.note ? { note: options.note } : {}) });
      await session.show(back, loanLine);
    }));

  loan
    .command('correct-return <loan-id>')
    .description('更正归还记录（原记录不变，更正为新登记）；实际缺失的文件用 --missing 注明 / correct what a return recorded (a new entry; the return stays): name the documents really missing with --missing')
    .requiredOption('--reason <text>', '更正原因 / the reason')
    .option('--missing <document>', '缺失的文件（题名或文件编号），可重复；不写则为全部齐全 / a missing document (title or id), repeatable; none: all came back', collect)
    .action(run(async (session, loanId: string, options: { reason: string; missing?: string[] }) => {
      await session.signIn();
      const id = idOf(loanId, 'loan');
      const findings = missingFindings(await session.call('loan:get', { id }), options.missing);
      await session.show(await session.call('loan:correct-return', { loanId: id, findings, reason: options.reason }), loanLine);
    }));

  loan
    .command('list')
    .description('外借登记册（默认最新在前） / the loan register, newest first')
    .option('--overdue', '只列逾期未还 / overdue only')
    .option('--open', '只列未归还 / still out only')
    .option('--dossier <archive-number>', '某档案的登记 / one dossier’s entries')
    .option('--from <date>', '借出日期起 YYYY-MM-DD / handed out on or after')
    .option('--to <date>', '借出日期止 YYYY-MM-DD / handed out on or before')
    .action(run(async (session, options: { overdue?: boolean; open?: boolean; dossier?: string; from?: string; to?: string }) => {
      await session.signIn();
      // Overdue notices are issued as the register is read, as in the window.
      await session.call('notice:check', {});
      const loans = await allLoans(session, {
        state: options.overdue ? 'overdue' : options.open ? 'open' : 'all',
        ...(options.dossier ? { archiveNumber: options.dossier } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
      });
      await session.show(loans, (shown) => (shown.length === 0 ? '（无登记 / no entries）' : shown.map(loanLine).join('\n')));
    }));
}
