import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { StocktakeScanView, StocktakeView } from '../../../shared/contract';
import { stocktakeOutcomeLabels } from '../../../shared/stocktake';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';

function stocktakeId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw cliError('VALIDATION', `盘点编号应为正整数：“${value}”`, `A stocktake number is a positive whole number: "${value}"`);
  return n;
}

function totalsLine(view: Pick<StocktakeView, 'totals'>): string {
  const t = view.totals;
  return `应在 ${t.expected}，在位 ${t.found}，缺失 ${t.missing}，借出未还 ${t.away}，错架 ${t.misplaced}，登记借出但在架 ${t.onLoan}，无此档号 ${t.unknown}，重复 ${t.repeats} / expected ${t.expected}, found ${t.found}, missing ${t.missing}, out on loan ${t.away}, misplaced ${t.misplaced}, on the shelf while on loan ${t.onLoan}, unknown ${t.unknown}, repeats ${t.repeats}`;
}

function scanLine(scan: StocktakeScanView): string {
  const label = stocktakeOutcomeLabels[scan.outcome];
  const where = scan.outcome === 'misplaced' ? `\t应在 / belongs at ${scan.expected ? `${scan.expected.fullCode} ${scan.expected.path}` : '未上架 / not shelved'}` : '';
  const holder = scan.holder ? `\t借出 / on loan: ${scan.holder.name}, ${scan.holder.dueOn}` : '';
  return `${scan.archiveNumber}\t${label.zh} / ${label.en}${scan.title ? `\t${scan.title}` : ''}${where}${holder}`;
}

function printView(session: CliSession, view: StocktakeView, written?: { file: string; bytes: number }): void {
  const state = view.finishedAt ? `已结束 / finished ${view.finishedAt}${view.corrected ? `，纠正位置 / locations corrected: ${view.corrected}` : ''}` : '进行中 / open';
  const lines = [`盘点 / stocktake ${view.id}\t${view.place.fullCode} ${view.place.path}\t${state}`, totalsLine(view)];
  if (view.missing.length > 0) lines.push('缺失 / missing:', ...view.missing.map((m) => `  ${m.archiveNumber}\t${m.title}`));
  if (view.away.length > 0) lines.push('借出未还 / out on loan:', ...view.away.map((m) => `  ${m.archiveNumber}\t${m.title}\t${m.holder ? `${m.holder.name}, ${m.holder.dueOn}` : ''}`));
  if (written) lines.push(`已写入 / written ${written.file}（${written.bytes} 字节 / bytes）`);
  session.print(lines.join('\n'), written ? { ...view, report: written } : view);
}

async function placeId(session: CliSession, code: string): Promise<number> {
  const place = (await session.call('location:list', {})).find((l) => l.fullCode === code);
  if (!place) throw cliError('NOT_FOUND', `没有存放位置“${code}”`, `There is no location "${code}"`);
  return place.id;
}

export function registerStocktakeCommands(program: Command, run: Run): void {
  const stocktake = program.command('stocktake').description('盘点：逐一扫描档案标签，查出缺失、错架与借出 / stocktake: scan each label, find what is missing, misplaced or on loan');

  stocktake
    .command('start <location-code>')
    .description('开始盘点一个位置（完整编码，如 A-01-2）及其下各处 / start a stocktake of a place (full code, e.g. A-01-2) and everything inside it')
    .action(run(async (session, code: string) => {
      await session.signIn();
      printView(session, await session.call('stocktake:start', { locationId: await placeId(session, code) }));
    }));

  stocktake
    .command('scan <id> <archive-number...>')
    .description('登记扫描（或键入）的档号，可一次多个 / record scanned (or typed) archive numbers, several at once')
    .action(run(async (session, id: string, codes: string[]) => {
      await session.signIn();
      const replies = [];
      for (const code of codes) replies.push(await session.call('stocktake:scan', { id: stocktakeId(id), code }));
      const last = replies.at(-1);
      session.print([...replies.map((r) => scanLine(r.scan)), ...(last ? [totalsLine(last)] : [])].join('\n'), replies);
    }));

  stocktake
    .command('show <id>')
    .description('盘点进度：合计、缺失与借出清单 / a stocktake so far: totals, what is missing and out on loan')
    .action(run(async (session, id: string) => {
      await session.signIn();
      printView(session, await session.call('stocktake:get', { id: stocktakeId(id) }));
    }));

  stocktake
    .command('list')
    .description('最近的盘点 / the latest stocktakes')
    .action(run(async (session) => {
      await session.signIn();
      const list = await session.call('stocktake:list', {});
      session.print(list.map((s) => `${s.id}\t${s.place.fullCode} ${s.place.path}\t${s.startedAt}\t${s.finishedAt ?? '进行中 / open'}`).join('\n'), list);
    }));

  stocktake
    .command('finish <id>')
    .description('结束盘点（此后不再更改）并写出盘点报告 / finish the stocktake (never changed afterwards) and write its report')
    .option('--correct-locations', '把错架档案移到本盘点位置（每次移位都记入审计） / move every misplaced dossier to this place (each move audited)')
    .requiredOption('--out <file>', '盘点报告（.pdf 或 .xlsx） / the report (.pdf or .xlsx)')
    .action(run(async (session, id: string, options: { correctLocations?: boolean; out: string }) => {
      const format = options.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : options.out.toLowerCase().endsWith('.pdf') ? 'pdf' : null;
      if (!format) throw cliError('VALIDATION', '--out 应为 .pdf 或 .xlsx 文件', '--out is a .pdf or .xlsx file');
      await session.signIn();
      const view = await session.call('stocktake:finish', { id: stocktakeId(id), correctLocations: options.correctLocations === true });
      const report = await session.call('stocktake:report', { id: view.id, format });
      const path = resolve(options.out);
      writeFileAtomic(path, report.bytes);
      printView(session, view, { file: path, bytes: report.bytes.length });
    }));
}
