import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { DestructionListView, RetentionDueView } from '../../../shared/contract';
import { appraisalDecisionLabels, destructionMethodLabels, destructionMethods, type DestructionMethod } from '../../../shared/disposal';
import { retentionLabel } from '../../../shared/dossier-types';
import { roleLabels } from '../../../shared/permissions';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';

const stateWords = { approving: '审批中 / approving', rejected: '未通过 / rejected', approved: '已批准 / approved', 'carried-out': '已销毁 / carried out' } as const;

function listId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw cliError('VALIDATION', `销毁清册编号应为正整数：“${value}”`, `A destruction list number is a positive whole number: "${value}"`);
  return n;
}

function method(value: string): DestructionMethod {
  if (!(destructionMethods as readonly string[]).includes(value)) throw cliError('VALIDATION', `销毁方式为 ${destructionMethods.join('、')} 之一`, `The method is one of ${destructionMethods.join(', ')}`);
  return value as DestructionMethod;
}

function printDue(session: CliSession, view: RetentionDueView): void {
  const lines = [
    `截至 / due by ${view.until}：${view.years.map((y) => `${y.year} 年 ${y.count} 份`).join('，') || '无 / none'}`,
    ...view.dossiers.map((d) => [d.archiveNumber, d.title, retentionLabel(d.retention), `${d.triggerOn} → ${d.dueOn}`, d.held ? '诉讼保全 / held' : '', d.appraisal ? `${appraisalDecisionLabels[d.appraisal.decision].zh} / ${appraisalDecisionLabels[d.appraisal.decision].en}` : ''].join('\t').trimEnd()),
  ];
  session.print(lines.join('\n'), view);
}

function printList(session: CliSession, view: DestructionListView, written?: { file: string; bytes: number }): void {
  const lines = [
    `${view.number}\t${destructionMethodLabels[view.method].zh} / ${destructionMethodLabels[view.method].en}\t${stateWords[view.state]}\t${view.dossiers} 份 / dossiers`,
    ...view.items.map((i) => `  ${i.archiveNumber}\t${i.title}\t${retentionLabel(i.retention)}\t${i.pages} 页 / pages\t${i.reason}`),
    ...view.steps.map((s) => `  审批 / approval ${roleLabels[s.role].zh}: ${s.decision ? `${s.decision.approver} ${s.decision.decision}` : '待审批 / awaiting'}`),
    ...(view.destruction ? [`  销毁 / destroyed ${view.destruction.destroyedOn}，执行 / by ${view.destruction.carriedOutBy}，监销 / witnesses ${view.destruction.witnesses.join('、')}，删除扫描文件 / scan files erased ${view.destruction.erasedFiles}`] : []),
    ...(written ? [`已写入 / written ${written.file}（${written.bytes} 字节 / bytes）`] : []),
  ];
  session.print(lines.join('\n'), written ? { ...view, file: written } : view);
}

export function registerDisposalCommands(program: Command, run: Run): void {
  const retention = program.command('retention').description('保管期限 / retention periods');
  retention
    .command('due')
    .description('到期待鉴定的档案（按年；永久与房产档案从不列出） / dossiers due for appraisal, per year (permanent and property dossiers never)')
    .option('--until <date>', '截止日期（默认今天） / due by this day (default today)')
    .option('--year <yyyy>', '只列出这一年到期的 / only those due in this year')
    .action(run(async (session, options: { until?: string; year?: string }) => {
      await session.signIn();
      printDue(session, await session.call('retention:due', { ...(options.until ? { until: options.until } : {}), ...(options.year ? { year: options.year } : {}) }));
    }));

  program
    .command('appraisal <decision> <archive-number...>')
    .description('鉴定：destroy 销毁、keep 延长保管（--years 或 --permanent）、transfer 移交（--to） / appraise: destroy, keep longer (--years or --permanent), transfer (--to)')
    .requiredOption('--reason <text>', '鉴定意见 / the reason')
    .requiredOption('--committee <names>', '鉴定小组成员 / the committee members')
    .option('--years <n>', '延长后的保管年限 / the new retention in years')
    .option('--permanent', '改为永久保管 / keep permanently')
    .option('--to <recipient>', '移交接收单位 / the recipient of a transfer')
    .action(run(async (session, decision: string, archiveNumbers: string[], options: { reason: string; committee: string; years?: string; permanent?: boolean; to?: string }) => {
      const base = { archiveNumbers, reason: options.reason, committee: options.committee };
      const input =
        decision === 'destroy'
          ? { ...base, decision: 'destroy' as const }
          : decision === 'keep'
            ? { ...base, decision: 'keep' as const, retention: options.permanent ? { kind: 'permanent' as const } : { kind: 'years' as const, years: Number(options.years) } }
            : decision === 'transfer'
              ? { ...base, decision: 'transfer' as const, transferTo: options.to ?? '' }
              : null;
      if (!input) throw cliError('VALIDATION', '鉴定结论为 destroy、keep 或 transfer', 'The decision is destroy, keep or transfer');
      await session.signIn();
      const result = await session.call('appraisal:decide', input);
      session.print(`已鉴定 / appraised: ${result.decided}`, result);
    }));

  const disposal = program.command('disposal').description('销毁清册：编制、审批、执行、打印 / destruction lists: make, approve, carry out, print');
  disposal
    .command('awaiting')
    .description('已鉴定为销毁、尚未列入清册的档案 / dossiers decided "destroy" on no list yet')
    .action(run(async (session) => {
      await session.signIn();
      const rows = await session.call('disposal:awaiting', {});
      session.print(rows.map((r) => `${r.archiveNumber}\t${r.title}\t${r.dueOn ?? ''}\t${r.reason}`).join('\n'), rows);
    }));
  disposal
    .command('create <archive-number...>')
    .description('编制销毁清册 / make a destruction list')
    .requiredOption('--method <method>', `销毁方式 / the method: ${destructionMethods.join(', ')}`)
    .action(run(async (session, archiveNumbers: string[], options: { method: string }) => {
      const chosen = method(options.method);
      await session.signIn();
      printList(session, await session.call('disposal:create', { archiveNumbers, method: chosen }));
    }));
  disposal
    .command('list')
    .description('销毁清册 / the destruction lists')
    .action(run(async (session) => {
      await session.signIn();
      const lists = await session.call('disposal:list', {});
      session.print(lists.map((l) => `${l.id}\t${l.number}\t${stateWords[l.state]}\t${l.dossiers}\t${l.destroyedOn ?? ''}`).join('\n'), lists);
    }));
  disposal
    .command('show <id>')
    .description('一份销毁清册 / one destruction list')
    .action(run(async (session, id: string) => {
      await session.signIn();
      printList(session, await session.call('disposal:get', { id: listId(id) }));
    }));
  disposal
    .command('decide <id> <decision>')
    .description('审批（approve 或 reject） / decide the awaited step (approve or reject)')
    .option('--comment <text>', '审批意见 / a comment')
    .action(run(async (session, id: string, decision: string, options: { comment?: string }) => {
      if (decision !== 'approve' && decision !== 'reject') throw cliError('VALIDATION', '审批结论为 approve 或 reject', 'The decision is approve or reject');
      await session.signIn();
      printList(session, await session.call('disposal:decide', { id: listId(id), decision, ...(options.comment ? { comment: options.comment } : {}) }));
    }));
  disposal
    .command('carry-out <id>')
    .description('执行销毁：两名监销人的密码从标准输入逐行读取（在 --password-stdin 的登录密码之后） / carry out: the two witnesses\' passwords are read from standard input, one a line (after the sign-in password with --password-stdin)')
    .requiredOption('--on <date>', '销毁日期 / the day destroyed')
    .requiredOption('--witness <login...>', '两名监销人 / the two witnesses')
    .action(run(async (session, id: string, options: { on: string; witness: string[] }) => {
      if (options.witness.length !== 2) throw cliError('VALIDATION', '需要两名监销人', 'Two witnesses are needed');
      await session.signIn();
      const passwords = (await session.stdinText()).split('\n').filter((line) => line.length > 0);
      if (passwords.length < 2) throw cliError('VALIDATION', '标准输入中应有两名监销人的密码（每行一个）', 'Standard input holds the two witnesses\' passwords, one a line');
      const witnesses = options.witness.map((login, i) => ({ login, password: passwords[i] ?? '' }));
      printList(session, await session.call('disposal:carry-out', { id: listId(id), destroyedOn: options.on, witnesses }));
    }));
  disposal
    .command('print <id>')
    .description('打印销毁清册（PDF） / print the destruction list (PDF)')
    .requiredOption('--out <file>', 'PDF 文件 / the PDF file')
    .action(run(async (session, id: string, options: { out: string }) => {
      await session.signIn();
      const file = await session.call('disposal:print', { id: listId(id) });
      const path = resolve(options.out);
      writeFileAtomic(path, file.bytes);
      printList(session, await session.call('disposal:get', { id: listId(id) }), { file: path, bytes: file.bytes.length });
    }));
}
