import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { FindingView, InspectionCheckView, InspectionView, PlanEntry } from '../../../shared/contract';
import { checkItemLabels, checkItems, checkStatusLabels, findingKindLabels, findingKinds, measuredItems, repairOutcomeLabels, repairOutcomes, type CheckItem, type FindingKind, type RepairOutcome } from '../../../shared/inspections';
import { formatLocalDate } from '../../../shared/time';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';
import { stageFileFromPath } from '../stage-file';

/** The whole store, as typed on the command line instead of a room's code. */
const WHOLE_STORE_WORDS = ['all', '全部'];

function positive(value: string, what: { zh: string; en: string }): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw cliError('VALIDATION', `${what.zh}应为正整数：“${value}”`, `${what.en} is a positive whole number: "${value}"`);
  return n;
}

const inspectionId = (value: string) => positive(value, { zh: '检查编号', en: 'An inspection number' });

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw cliError('VALIDATION', `${what}应为 ${allowed.join('、')} 之一：“${value}”`, `${what} is one of ${allowed.join(', ')}: "${value}"`);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function planLine(entry: PlanEntry): string {
  const state = { ok: '正常 / ok', due: '即将到期 / due', overdue: '已逾期 / overdue' }[entry.state];
  const place = entry.place.locationId === null ? `${entry.place.name} / whole store` : `${entry.place.code} ${entry.place.name}`;
  return `${place}\t上次 / last ${entry.lastInspectedOn ?? '从未 / never'}\t到期 / due ${entry.dueOn}\t${state}${entry.openInspectionId ? `\t进行中 / open: ${entry.openInspectionId}` : ''}`;
}

function checkLine(check: InspectionCheckView): string {
  const unit = measuredItems[check.item]?.unit ?? '';
  const reading = check.reading === null ? '' : ` ${check.reading} ${unit}`;
  return `  ${checkItemLabels[check.item].zh} / ${checkItemLabels[check.item].en}${reading}\t${checkStatusLabels[check.status].zh} / ${checkStatusLabels[check.status].en}${check.note ? `\t${check.note}` : ''}`;
}

function findingLine(finding: FindingView): string {
  const kind = findingKindLabels[finding.kind];
  const repair = finding.repair
    ? finding.repair.outcome
      ? `修复单 / repair ${finding.repair.id}: ${repairOutcomeLabels[finding.repair.outcome.outcome].zh} / ${repairOutcomeLabels[finding.repair.outcome.outcome].en} ${finding.repair.outcome.repairedOn}`
      : `修复单 / repair ${finding.repair.id}: 待修复 / open`
    : '';
  return `  [${finding.id}] ${finding.archiveNumber}\t${kind.zh} / ${kind.en}${finding.title ? `\t${finding.title}` : ''}${finding.note ? `\t${finding.note}` : ''}${finding.photos.length ? `\t照片 / photos ${finding.photos.length}` : ''}${repair ? `\t${repair}` : ''}`;
}

function printView(session: CliSession, view: InspectionView, written?: { file: string; bytes: number }): void {
  const place = view.place.locationId === null ? view.place.name : `${view.place.code} ${view.place.name}`;
  const state = view.inspectedOn ? `已完成 / finished: ${view.inspectedOn}，${view.inspectors.join('、')}` : '进行中 / open';
  const lines = [`保管检查 / inspection ${view.id}\t${place}\t${state}`];
  if (view.checks.length > 0) lines.push('检查项 / checklist:', ...view.checks.map(checkLine));
  if (view.findingList.length > 0) lines.push('发现 / findings:', ...view.findingList.map(findingLine));
  if (written) lines.push(`已写入 / written ${written.file}（${written.bytes} 字节 / bytes）`);
  session.print(lines.join('\n'), written ? { ...view, record: written } : view);
}

async function placeOf(session: CliSession, code: string): Promise<number | null> {
  if (WHOLE_STORE_WORDS.includes(code)) return null;
  const room = (await session.call('location:list', {})).find((l) => l.fullCode === code && l.kind === 'room');
  if (!room) throw cliError('NOT_FOUND', `没有库房“${code}”`, `There is no room "${code}"`);
  return room.id;
}

/** `doors=ok`, `mould=problem:北墙角有霉斑`, `humidity=ok:55` (a reading for humidity and temperature). */
function parseCheck(text: string): InspectionCheckView {
  const match = /^([a-z]+)=(ok|problem)(?::(.*))?$/.exec(text);
  if (!match) throw cliError('VALIDATION', `检查项应写作 项目=ok 或 项目=problem:说明：“${text}”`, `A checklist item is written item=ok or item=problem:note: "${text}"`);
  const item = oneOf<CheckItem>(match[1] ?? '', checkItems, '检查项 / item');
  const status = match[2] === 'problem' ? 'problem' : 'ok';
  const rest = match[3]?.trim() ?? '';
  if (measuredItems[item]) {
    const [reading = '', ...note] = rest.split(':');
    const value = Number(reading);
    if (reading === '' || !Number.isFinite(value)) throw cliError('VALIDATION', `${checkItemLabels[item].zh}需要读数，如 ${item}=ok:55`, `${checkItemLabels[item].en} needs its reading, e.g. ${item}=ok:55`);
    return { item, status, reading: value, note: note.join(':').trim() || null };
  }
  return { item, status, reading: null, note: rest || null };
}

async function writeRecord(session: CliSession, id: number, out: string): Promise<{ file: string; bytes: number }> {
  if (!out.toLowerCase().endsWith('.pdf')) throw cliError('VALIDATION', '--out 应为 .pdf 文件', '--out is a .pdf file');
  const record = await session.call('inspection:print', { id });
  const file = resolve(out);
  writeFileAtomic(file, record.bytes);
  return { file, bytes: record.bytes.length };
}

export function registerInspectionCommands(program: Command, run: Run): void {
  const inspection = program.command('inspection').description('保管检查：库房检查记录、档案问题与修复 / custody inspections: the storeroom checklist, findings and repairs');

  inspection
    .command('plan')
    .description('各库房上次检查与到期日 / every room’s last inspection and when the next is due')
    .action(run(async (session) => {
      await session.signIn();
      const plan = await session.call('inspection:plan', {});
      session.print([`周期 / interval: ${plan.interval === 'quarter' ? '每季度 / quarterly' : '每半年 / half-yearly'}`, ...plan.places.map(planLine)].join('\n'), plan);
    }));

  inspection
    .command('start <place>')
    .description('开始检查一个库房（编码，如 A）或全部库房（all） / start the inspection of a room (its code, e.g. A) or the whole store (all)')
    .action(run(async (session, place: string) => {
      await session.signIn();
      printView(session, await session.call('inspection:start', { locationId: await placeOf(session, place) }));
    }));

  inspection
    .command('list')
    .description('最近的保管检查 / the latest inspections')
    .action(run(async (session) => {
      await session.signIn();
      const list = await session.call('inspection:list', {});
      session.print(list.map((s) => `${s.id}\t${s.place.code || s.place.name}\t${s.inspectedOn ?? '进行中 / open'}\t发现 / findings ${s.findings}\t待修复 / open repairs ${s.openRepairs}`).join('\n'), list);
    }));

  inspection
    .command('show <id>')
    .description('一次检查：检查项、发现与修复 / one inspection: checklist, findings and repairs')
    .action(run(async (session, id: string) => {
      await session.signIn();
      printView(session, await session.call('inspection:get', { id: inspectionId(id) }));
    }));

  inspection
    .command('check <id> <item=verdict...>')
    .description(`填写检查项（整张清单；--all-ok 其余均为正常），如 mould=problem:北墙角有霉斑 humidity=ok:55 / the checklist (whole; --all-ok: the rest OK), items: ${checkItems.join(', ')}`)
    .option('--all-ok', '未列出的检查项均为正常 / items not given are OK')
    .action(run(async (session, id: string, items: string[], options: { allOk?: boolean }) => {
      const given = items.map(parseCheck);
      const missing = options.allOk ? checkItems.filter((item) => !given.some((c) => c.item === item) && !measuredItems[item]) : [];
      await session.signIn();
      printView(session, await session.call('inspection:save-checks', { id: inspectionId(id), checks: [...given, ...missing.map((item) => ({ item, status: 'ok' as const, reading: null, note: null }))] }));
    }));

  inspection
    .command('finding <id> <archive-number>')
    .description('登记一份档案的问题，可附照片 / record a finding on a dossier, with photos')
    .requiredOption('--kind <kind>', `问题 / what: ${findingKinds.join(', ')}`)
    .option('--note <text>', '情况说明 / a note', '')
    .option('--photo <file>', '照片（可多次指定） / a photo; repeatable', collect, [])
    .action(run(async (session, id: string, archiveNumber: string, options: { kind: string; note: string; photo: string[] }) => {
      const kind = oneOf<FindingKind>(options.kind, findingKinds, '--kind');
      await session.signIn();
      const staged = [];
      for (const file of options.photo) staged.push(await stageFileFromPath(session, file, 'scan'));
      printView(session, await session.call('inspection:add-finding', { id: inspectionId(id), archiveNumber, kind, note: options.note, stagedFileIds: staged.map((s) => s.stagedFileId) }));
    }));

  inspection
    .command('finish <id>')
    .description('完成检查（此后不再更改） / finish the inspection (never changed afterwards)')
    .requiredOption('--inspector <name>', '检查人（可多次指定） / an inspector; repeatable', collect, [])
    .option('--on <date>', '检查日期（默认今天） / the day inspected (default: today)')
    .option('--remarks <text>', '备注 / remarks')
    .option('--out <file>', '同时写出检查记录（.pdf） / also write the record (.pdf)')
    .action(run(async (session, id: string, options: { inspector: string[]; on?: string; remarks?: string; out?: string }) => {
      await session.signIn();
      const view = await session.call('inspection:finish', { id: inspectionId(id), inspectedOn: options.on ?? formatLocalDate(new Date()), inspectors: options.inspector, remarks: options.remarks ?? null });
      printView(session, view, options.out ? await writeRecord(session, view.id, options.out) : undefined);
    }));

  inspection
    .command('print <id>')
    .description('写出保管检查记录（PDF） / write the inspection record (PDF)')
    .requiredOption('--out <file>', '检查记录（.pdf） / the record (.pdf)')
    .action(run(async (session, id: string, options: { out: string }) => {
      await session.signIn();
      const view = await session.call('inspection:get', { id: inspectionId(id) });
      printView(session, view, await writeRecord(session, view.id, options.out));
    }));

  const repair = program.command('repair').description('修复单：检查发现的档案问题的修复 / repair orders for the findings of inspections');

  repair
    .command('order <finding-id>')
    .description('为一条检查发现开具修复单 / order the repair of a finding')
    .requiredOption('--instructions <text>', '修复要求 / what is to be done')
    .action(run(async (session, findingId: string, options: { instructions: string }) => {
      await session.signIn();
      printView(session, await session.call('inspection:repair-order', { findingId: positive(findingId, { zh: '发现编号', en: 'A finding number' }), instructions: options.instructions }));
    }));

  repair
    .command('done <order-id>')
    .description('登记修复结果（一次） / record how the repair ended (once)')
    .requiredOption('--outcome <outcome>', `结果 / outcome: ${repairOutcomes.join(', ')}`)
    .requiredOption('--by <name>', '修复人 / who repaired')
    .option('--on <date>', '修复日期（默认今天） / the day (default: today)')
    .option('--note <text>', '说明（以复制件替代、无法修复时必填） / a note (needed for copy and irreparable)')
    .action(run(async (session, orderId: string, options: { outcome: string; by: string; on?: string; note?: string }) => {
      const outcome = oneOf<RepairOutcome>(options.outcome, repairOutcomes, '--outcome');
      await session.signIn();
      printView(
        session,
        await session.call('inspection:repair-outcome', { orderId: positive(orderId, { zh: '修复单编号', en: 'A repair order number' }), outcome, note: options.note ?? null, repairedBy: options.by, repairedOn: options.on ?? formatLocalDate(new Date()) }),
      );
    }));
}
