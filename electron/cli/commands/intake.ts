import type { Command } from 'commander';
import { itemStatusLabels, type InputOf, type IntakeDetail, type IntakeDossierView, type IntakeView, type ShortageView } from '../../../shared/contract';
import { formatLocalDateTime } from '../../../shared/time';
import type { CliSession } from '../cli-session';
import { parsePositive } from '../number-option';
import type { Run } from '../program';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * What an option says for each dossier: `<archive-number>:<value>` for that dossier alone, a plain
 * value for every dossier of the hand-over.
 */
function perDossier(values: readonly string[], archiveNumbers: readonly string[]): Map<string, string[]> {
  const byDossier = new Map(archiveNumbers.map((number) => [number, [] as string[]]));
  for (const value of values) {
    const colon = value.lastIndexOf(':');
    const own = colon > 0 ? byDossier.get(value.slice(0, colon)) : undefined;
    if (own) own.push(value.slice(colon + 1));
    else for (const list of byDossier.values()) list.push(value);
  }
  return byDossier;
}

function lateMark(workdaysLate: number | null): string {
  return workdaysLate ? `逾期 ${workdaysLate} 个工作日` : '';
}

/** One entry per line: id, handed over at, department, handed by, received by, dossiers, late mark, missing items, correction. */
export function intakeLine(intake: IntakeView): string {
  return [
    intake.id,
    formatLocalDateTime(new Date(intake.handedOverAt)),
    intake.fromDepartment.name,
    intake.handedBy.name,
    intake.receivedBy.displayName,
    intake.dossiers.map((d) => d.archiveNumber).join(','),
    lateMark(intake.workdaysLate),
    intake.missingCount > 0 ? `缺 ${intake.missingCount} 项` : '',
    intake.correctedBy ? `已由 ${intake.correctedBy} 更正` : intake.corrects ? `更正 ${intake.corrects}` : '',
  ]
    .join('\t')
    .trimEnd();
}

function dossierBlock(dossier: IntakeDossierView): string[] {
  const deadline = dossier.deadline ? `起算 ${dossier.triggerDate ?? ''}${dossier.triggerField ? `（${dossier.triggerField.label}）` : ''}，期限 ${dossier.deadline}${dossier.workdaysLate ? `，${lateMark(dossier.workdaysLate)}` : '，按时'}` : '无移交期限';
  return [
    `${dossier.archiveNumber}\t${dossier.title}${dossier.openedHere ? '（当场建档）' : ''}\t${deadline}`,
    ...dossier.items.map((item) => `  ${itemStatusLabels[item.status].zh}\t${item.name}`),
  ];
}

function intakeText(intake: IntakeDetail): string {
  const signature = (s: { name: string; drawn: boolean }) => `${s.name}${s.drawn ? '（手写签名）' : ''}`;
  return [
    `签收登记 ${intake.id}${intake.correctedBy ? `（已由 ${intake.correctedBy} 更正）` : ''}${intake.corrects ? `（更正 ${intake.corrects}）` : ''}`,
    `移交时间\t${formatLocalDateTime(new Date(intake.handedOverAt))}`,
    `移交部门\t${intake.fromDepartment.name}（${intake.fromDepartment.code}）`,
    `移交人\t${intake.handedBy.name}${intake.handedBy.user ? `（${intake.handedBy.user.login}）` : ''}，签名 ${signature(intake.handedBySignature)}`,
    `接收人\t${intake.receivedBy.displayName}（${intake.receivedBy.login}），签名 ${signature(intake.receiverSignature)}`,
    ...(intake.shortageNote ? [`缺件说明\t${intake.shortageNote}`] : []),
    ...intake.dossiers.flatMap(dossierBlock),
  ].join('\n');
}

function shortageLine(shortage: ShortageView): string {
  return [shortage.archiveNumber, shortage.dossierTitle, shortage.item.name, `自签收 ${shortage.since.intakeId}（${formatLocalDateTime(new Date(shortage.since.handedOverAt))}）`].join('\t');
}

type IntakeFilter = Omit<InputOf<'intake:list'>, 'offset' | 'limit'>;

/** Every entry the filter selects, a page at a time. */
async function allIntakes(session: CliSession, filter: IntakeFilter): Promise<IntakeView[]> {
  const intakes: IntakeView[] = [];
  for (;;) {
    const page = await session.call('intake:list', { ...filter, offset: intakes.length, limit: 500 });
    intakes.push(...page.intakes);
    if (page.intakes.length < 500) return intakes;
  }
}

interface AddOptions {
  fromDepartment: string;
  handedBy: string;
  handedByUser?: string;
  dossier: string[];
  missing?: string[];
  present?: string[];
  triggerDate?: string[];
  note?: string;
  at?: string;
  corrects?: number;
}

export function registerIntakeCommands(program: Command, run: Run): void {
  const intake = program.command('intake').description('签收簿：部门向档案室移交档案 / the intake book: departments hand dossiers to the archive');

  intake
    .command('add')
    .description('登记一次移交，输出签收登记号 / register a hand-over; prints the intake id')
    .requiredOption('--from-department <code>', '移交部门代码 / the handing department’s code')
    .requiredOption('--handed-by <name>', '移交人姓名（即其签名） / the name of who hands over (their signature)')
    .option('--handed-by-user <login>', '移交人的登录名 / their login, if they have one')
    .requiredOption('--dossier <archive-number...>', '移交的档案，可多个 / the dossiers handed over', collect)
    .option('--missing <item...>', '缺少的必备材料（键名或名称；多份档案时可写 档号:材料） / missing checklist items (key or name; <archive-number>:<item> for one dossier)', collect)
    .option('--present <item...>', '交来的选交材料 / conditional or optional items handed over', collect)
    .option('--trigger-date <date...>', '期限起算日期 YYYY-MM-DD（默认取档案的交车日期等） / the day the deadline runs from (default: the dossier’s delivery date …)', collect)
    .option('--note <text>', '缺件说明 / the note of shortages')
    .option('--at <time>', '移交时间（默认现在），如 2026-10-09 14:30 / when it was handed over (default: now)')
    .option('--corrects <intake-id>', '更正的签收登记 / the entry this one corrects', parsePositive)
    .action(run(async (session, options: AddOptions) => {
      const { user } = await session.signIn();
      const missing = perDossier(options.missing ?? [], options.dossier);
      const present = perDossier(options.present ?? [], options.dossier);
      const triggers = perDossier(options.triggerDate ?? [], options.dossier);
      const added = await session.call('intake:add', {
        fromDepartment: options.fromDepartment,
        handedBy: { name: options.handedBy, ...(options.handedByUser ? { login: options.handedByUser } : {}) },
        dossiers: options.dossier.map((archiveNumber) => {
          const triggerDate = triggers.get(archiveNumber)?.at(-1);
          return { archiveNumber, missing: missing.get(archiveNumber) ?? [], present: present.get(archiveNumber) ?? [], ...(triggerDate ? { triggerDate } : {}) };
        }),
        handedBySignature: { name: options.handedBy },
        receiverSignature: { name: user.displayName },
        ...(options.note ? { shortageNote: options.note } : {}),
        ...(options.at ? { handedOverAt: options.at.trim().replace(' ', 'T') } : {}),
        ...(options.corrects ? { corrects: options.corrects } : {}),
      });
      await session.show(added, (shown) => String(shown.id));
    }));

  intake
    .command('list')
    .description('签收簿（最新在前） / the intake book, newest first')
    .option('--from <date>', '移交日期起 YYYY-MM-DD / handed over on or after')
    .option('--to <date>', '移交日期止 YYYY-MM-DD / handed over on or before')
    .option('--department <code>', '移交部门 / the handing department')
    .option('--dossier <archive-number>', '某档案的签收 / one dossier’s hand-overs')
    .option('--late', '只列逾期移交 / late hand-overs only')
    .action(run(async (session, options: { from?: string; to?: string; department?: string; dossier?: string; late?: boolean }) => {
      await session.signIn();
      const intakes = await allIntakes(session, {
        late: options.late === true,
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(options.department ? { fromDepartment: options.department } : {}),
        ...(options.dossier ? { archiveNumber: options.dossier } : {}),
      });
      await session.show(intakes, (shown) => (shown.length === 0 ? '（无登记 / no entries）' : shown.map(intakeLine).join('\n')));
    }));

  intake
    .command('show')
    .description('一次签收的全部内容 / one entry in full')
    .argument('<intake-id>', '签收登记号 / the intake id', parsePositive)
    .action(run(async (session, id: number) => {
      await session.signIn();
      await session.show(await session.call('intake:get', { id }), intakeText);
    }));

  intake
    .command('shortages')
    .description('尚未补交的缺件（最久在前） / shortages still open, the longest first')
    .option('--dossier <archive-number>', '某档案的缺件 / one dossier’s')
    .action(run(async (session, options: { dossier?: string }) => {
      await session.signIn();
      const shortages: ShortageView[] = [];
      for (;;) {
        const page = await session.call('intake:shortages', { ...(options.dossier ? { archiveNumber: options.dossier } : {}), offset: shortages.length, limit: 500 });
        shortages.push(...page.shortages);
        if (page.shortages.length < 500) break;
      }
      await session.show(shortages, (shown) => (shown.length === 0 ? '（无缺件 / none open）' : shown.map(shortageLine).join('\n')));
    }));
}
