import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ExportFile } from '../../../shared/contract';
import { labelSheets } from '../../../shared/label-sheets';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import { cliError } from '../cli-error';
import type { CliSession } from '../cli-session';
import type { Run } from '../program';

function save(session: CliSession, file: ExportFile, out: string): void {
  const path = resolve(out);
  writeFileAtomic(path, file.bytes);
  session.print(`已写入 / written ${path}（${file.bytes.length} 字节 / bytes）`, { file: path, fileName: file.fileName, bytes: file.bytes.length });
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw cliError('VALIDATION', `应为正整数：“${value}”`, `Expected a positive whole number: "${value}"`);
  return n;
}

export function registerLabelCommands(program: Command, run: Run): void {
  const label = program.command('label').description('标签、扫描封面与分隔页 / labels, scan cover sheets and separator sheets');

  label
    .command('sheets')
    .description('列出可用的标签纸 / list the label sheets')
    .action(run((session) => {
      session.print(labelSheets.map((s) => `${s.id}\t${s.name.zh} / ${s.name.en}\t${s.columns}×${s.rows}`).join('\n'), labelSheets);
      return Promise.resolve();
    }));

  label
    .command('print <archive-number...>')
    .description('打印档案标签（档号为文字、Code 128 条码与二维码），100% 比例打印 / print dossier labels (archive number as text, Code 128 and QR), to print at 100 %')
    .requiredOption('--out <file>', '写入此 PDF 文件 / write to this PDF')
    .option('--sheet <id>', '标签纸（见 label sheets，默认 a4-3x8） / the label sheet (see label sheets; default a4-3x8)')
    .option('--start-at <n>', '从第几个标签开始（用完半张标签纸） / the first free label on a partly used sheet')
    .action(run(async (session, archiveNumbers: string[], options: { out: string; sheet?: string; startAt?: string }) => {
      const startAt = options.startAt === undefined ? undefined : positive(options.startAt);
      await session.signIn();
      save(session, await session.call('label:print', { archiveNumbers, ...(options.sheet ? { sheet: options.sheet as never } : {}), ...(startAt ? { startAt } : {}) }), options.out);
    }));

  label
    .command('cover <archive-number>')
    .description('打印扫描封面：放在一批文件最前面，其后扫描的页面归入该档案（及清单项） / print scan cover sheets: first in a batch, they file the pages after them')
    .requiredOption('--out <file>', '写入此 PDF 文件 / write to this PDF')
    .option('--item <key...>', '每个清单项一张 / one per checklist item')
    .option('--all-items', '清单中每项一张 / one for every checklist item')
    .action(run(async (session, archiveNumber: string, options: { out: string; item?: string[]; allItems?: boolean }) => {
      if (options.item && options.allItems) throw cliError('VALIDATION', '--item 与 --all-items 二者择一', 'Either --item or --all-items, not both');
      await session.signIn();
      save(session, await session.call('label:cover-sheets', { archiveNumber, checklistItems: options.allItems ? 'all' : (options.item ?? []) }), options.out);
    }));

  label
    .command('separator')
    .description('打印分隔页：放在两份文件之间，其后的页面作为下一份文件 / print the separator sheet: between two documents, it starts the next one')
    .requiredOption('--out <file>', '写入此 PDF 文件 / write to this PDF')
    .action(run(async (session, options: { out: string }) => {
      await session.signIn();
      save(session, await session.call('label:separator-sheet', {}), options.out);
    }));
}
