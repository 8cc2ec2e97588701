import type { Command } from 'commander';
import { requestKindLabels, requestKinds, type ApprovalRequestView, type RequestKind } from '../../../shared/contract';
import { roleLabels } from '../../../shared/permissions';
import { formatLocalDateTime } from '../../../shared/time';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import { parsePositive } from '../number-option';
import type { Run } from '../program';

const stateWords: Record<ApprovalRequestView['state'], string> = { pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回', used: '已使用', expired: '已过期' };

function who(request: ApprovalRequestView): string {
  if (request.requester) return `${request.requester.displayName}（${request.requester.login}）`;
  return request.outsider ? `${request.outsider.name}（${request.outsider.organisation}）` : '';
}

/** A step's approver: the role, its department, and whose step it takes when it is the next level. */
function stepName(step: ApprovalRequestView['route'][number]): string {
  return `${roleLabels[step.role].zh}${step.department ? `（${step.department.name}）` : ''}${step.insteadOf ? `，代${roleLabels[step.insteadOf].zh}` : ''}`;
}

/** One request per line: id, state, kind, dossier, requester, the step waiting. */
export function requestLine(request: ApprovalRequestView): string {
  const open = request.state === 'pending' ? request.route.find((step) => step.decision === null) : undefined;
  const waiting = open ? `等待 ${stepName(open)}` : '';
  return [request.id, stateWords[request.state], requestKindLabels[request.kind].zh, request.archiveNumber, who(request), request.purpose, waiting].join('\t').trimEnd();
}

function describeRequest(request: ApprovalRequestView): string {
  const lines = [
    `申请编号 / request: ${request.id}（${stateWords[request.state]}）`,
    `档案 / dossier: ${request.archiveNumber} ${request.dossierTitle}`,
    `类型 / kind: ${requestKindLabels[request.kind].zh}${request.periodDays ? `，期限 ${request.periodDays} 天` : ''}${request.copies ? `，${request.copies} 份` : ''}`,
    `申请人 / requester: ${who(request)}${request.registeredBy.login !== request.requester?.login ? `，登记人 ${request.registeredBy.displayName}` : ''}`,
    `用途 / purpose: ${request.purpose}`,
    ...(request.reason ? [`事由 / reason: ${request.reason}`] : []),
    `申请时间 / asked: ${formatLocalDateTime(new Date(request.requestedAt))}`,
    ...request.route.map((step, i) => {
      const decided = step.decision
        ? `${step.decision.decision === 'approve' ? '同意' : '驳回'} ${step.decision.approver.displayName} ${formatLocalDateTime(new Date(step.decision.decidedAt))}${step.decision.comment ? `：${step.decision.comment}` : ''}`
        : '未审批';
      return `第 ${i + 1} 步 ${stepName(step)}：${decided}`;
    }),
    ...(request.validUntil ? [`有效至 / valid until: ${formatLocalDateTime(new Date(request.validUntil))}`] : []),
    ...(request.state === 'approved' && !request.validUntil ? ['有效期自档案可以借出时起算 / valid for its days from when the dossier is there for it'] : []),
  ];
  return lines.join('\n');
}

interface RequestOptions {
  dossier: string;
  kind: string;
  purpose: string;
  reason?: string;
  days?: number;
  copies?: number;
  for?: string;
}

const idNames = {
  request: { zh: '申请编号', en: 'A request id' },
  loan: { zh: '借阅登记号', en: 'A loan id' },
} as const;

/** A register entry's id typed on the command line: a request's or a loan's, as the message says. */
export function idOf(value: string, what: keyof typeof idNames): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) throw cliError('VALIDATION', `${idNames[what].zh}应为正整数：${value}`, `${idNames[what].en} is a positive whole number: ${value}`);
  return id;
}

function kindOf(value: string, allowed: readonly RequestKind[]): RequestKind {
  if ((allowed as readonly string[]).includes(value)) return value as RequestKind;
  throw cliError('VALIDATION', `--kind 应为 ${allowed.join('|')}`, `--kind must be one of ${allowed.join(', ')}`);
}

async function fileRequest(session: CliSession, options: RequestOptions, allowed: readonly RequestKind[]): Promise<void> {
  const kind = kindOf(options.kind, allowed);
  await session.signIn();
  const request = await session.call('approval:request', {
    archiveNumber: options.dossier,
    kind,
    purpose: options.purpose,
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.days !== undefined ? { days: options.days } : {}),
    ...(options.copies !== undefined ? { copies: options.copies } : {}),
    ...(options.for ? { requester: options.for } : {}),
  });
  await session.show(request, (shown) => String(shown.id));
}

/** request / approve / reject / withdraw / show / list on one command group (approval or loan). */
export function registerEngineCommands(group: Command, run: Run, kinds: readonly RequestKind[], kindHelp: string): void {
  group
    .command('request')
    .description(`提出申请，输出申请编号 / file a request and print its id`)
    .requiredOption('--dossier <archive-number>', '档号 / archive number')
    .requiredOption('--kind <kind>', kindHelp)
    .requiredOption('--purpose <text>', '用途 / purpose')
    .option('--reason <text>', '事由 / reason')
    .option('--days <n>', '期限（天） / period in days', parsePositive)
    .option('--copies <n>', '份数（复制） / copies', parsePositive)
    .option('--for <login>', '代此用户登记（档案管理员） / register for this user (archive clerks)')
    .action(run(async (session, options: RequestOptions) => fileRequest(session, options, kinds)));

  const decide = (decision: 'approve' | 'reject') =>
    run(async (session, id: string, options: { comment?: string }) => {
      await session.signIn();
      const request = await session.call('approval:decide', { id: idOf(id, 'request'), decision, ...(options.comment ? { comment: options.comment } : {}) });
      await session.show(request, requestLine);
    });
  group.command('approve <id>').description('同意申请（当前步骤） / approve the step now open').option('--comment <text>', '意见 / comment').action(decide('approve'));
  group.command('reject <id>').description('驳回申请 / reject').requiredOption('--comment <text>', '意见（必填） / comment (required)').action(decide('reject'));

  group
    .command('withdraw <id>')
    .description('撤回待审批的申请 / withdraw a request still waiting')
    .action(run(async (session, id: string) => {
      await session.signIn();
      await session.show(await session.call('approval:withdraw', { id: idOf(id, 'request') }), requestLine);
    }));

  group
    .command('show <id>')
    .description('显示一份申请及各步审批 / show a request and its decisions')
    .action(run(async (session, id: string) => {
      await session.signIn();
      await session.show(await session.call('approval:get', { id: idOf(id, 'request') }), describeRequest);
    }));
}

export function registerApprovalCommands(program: Command, run: Run): void {
  const approval = program.command('approval').description('审批：复制、摘抄、导出（及查阅、借阅） / approvals: copy, excerpt, export (and consultations, loans)');
  registerEngineCommands(approval, run, requestKinds, 'copy|excerpt|export（借阅、查阅也可：loan|consultation） / kind');
  approval
    .command('record-use <id>')
    .description('登记复制/摘抄已办理（审批随之用完） / record an approved copy or excerpt as made (the approval is used)')
    .option('--note <text>', '说明，如份数 / note, e.g. copies handed over')
    .action(run(async (session, id: string, options: { note?: string }) => {
      await session.signIn();
      await session.show(await session.call('approval:record-use', { id: idOf(id, 'request'), ...(options.note ? { note: options.note } : {}) }), requestLine);
    }));

  approval
    .command('list')
    .description('列出申请：默认为待我审批 / list requests: by default those waiting for my decision')
    .option('--mine', '我提出或登记的申请 / the requests I filed or registered')
    .option('--dossier <archive-number>', '某档案的全部申请 / every request on one dossier')
    .action(run(async (session, options: { mine?: boolean; dossier?: string }) => {
      await session.signIn();
      const requests = options.dossier
        ? await session.call('approval:list', { archiveNumber: options.dossier })
        : options.mine
          ? (await session.call('approval:mine', { limit: 200 })).requests
          : await session.call('approval:inbox', {});
      await session.show(requests, (shown) => (shown.length === 0 ? '（无申请 / no requests）' : shown.map(requestLine).join('\n')));
    }));
}
