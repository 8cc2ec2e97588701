import type { Command } from 'commander';
import { MAX_SCANS_PER_FILING, type InboxEntry, type InboxFiling, type ScanInboxSetting } from '../../../shared/contract';
import { cliError } from '../cli-error';
import { parsePositive } from '../number-option';
import type { Run } from '../program';

function sheetText(entry: InboxEntry): string {
  if (entry.sheet?.kind === 'cover') {
    const item = entry.coverItem ? `${entry.coverItem.name}${entry.coverItem.nameEn ? ` / ${entry.coverItem.nameEn}` : ''}` : entry.sheet.checklistItemKey;
    return `\t扫描封面 / cover → ${entry.sheet.archiveNumber}${item ? ` (${item})` : ''}`;
  }
  if (entry.sheet?.kind === 'separator') return '\t分隔页 / separator';
  return '';
}

function entryLine(entry: InboxEntry): string {
  const kind = entry.state === 'scan' ? `${entry.mediaType ?? ''}\t${entry.pages ?? 0} 页 / pages` : entry.state === 'refused' ? `不能归档 / cannot be filed: ${entry.reason?.zh ?? ''} / ${entry.reason?.en ?? ''}` : '检查中 / checking';
  const filed = entry.filedOn ? `\t已归档于 / filed on ${entry.filedOn.archiveNumber} ${entry.filedOn.documentTitle}` : '';
  return `${entry.name}\t${entry.size} B\t${kind}${sheetText(entry)}${filed}`;
}

function filingLines(outcome: InboxFiling): string {
  return [
    ...outcome.filings.flatMap((f) => f.documents.map((d) => `${f.archiveNumber}\t${d.id}\t${d.title}\t+${d.pagesAdded} 页 / pages${d.created ? '\t新建 / new' : ''}`)),
    ...outcome.alreadyFiled.map((a) => `${a.name}\t此前已归档，未重复归档 / filed before, not filed again: ${a.archiveNumber} ${a.documentTitle}`),
    ...outcome.sheets.map((name) => `${name}\t封面/分隔页，已用 / sheet used`),
    ...outcome.taken.map((name) => `${name}\t已由另一程序归档，本次未归档 / taken by another program filing the folder; not filed here`),
    ...outcome.left.map((l) => `${l.name}\t留在文件夹中 / left in the folder: ${l.reason.zh} / ${l.reason.en}`),
  ].join('\n');
}

/**
 * The scan inbox from the command line. A command runs once: it waits until the folder's files
 * have had their stability window and have been looked at, then acts.
 */
export function registerInboxCommands(program: Command, run: Run): void {
  const inbox = program.command('inbox').description('扫描收件箱（扫描仪输出文件夹） / the scan inbox (the scanner’s output folder)');

  inbox
    .command('set-folder <folder>')
    .description('设置扫描仪输出文件夹（"" 表示关闭） / set the scanner’s output folder ("" turns it off)')
    .option('--move-to <folder>', '归档后移入此子文件夹或文件夹（默认删除：归档的扫描件已加密保存） / move filed files into this subfolder or folder (default: remove them – filed scans are stored encrypted)')
    .option('--polling', '轮询文件夹（网络共享） / poll the folder (network shares)')
    .option('--stable-seconds <n>', '文件须保持不变的秒数 / seconds a file must stay unchanged', parsePositive, 3)
    .action(run(async (session, folder: string, options: { moveTo?: string; polling?: boolean; stableSeconds: number }) => {
      const scanInbox: ScanInboxSetting = {
        folder,
        afterFiling: options.moveTo ? 'move' : 'remove',
        moveTo: options.moveTo ?? '',
        polling: options.polling === true,
        stableSeconds: options.stableSeconds,
      };
      await session.signIn();
      const settings = await session.call('settings:update', { scanInbox });
      session.print(settings.scanInbox.folder || '扫描收件箱已关闭 / the scan inbox is off', settings.scanInbox);
    }));

  inbox
    .command('list')
    .description('列出扫描收件箱中的完整文件 / list the complete files in the scan inbox')
    .action(run(async (session) => {
      await session.signIn();
      const view = await session.call('inbox:list', { settle: true });
      if (view.problem) throw cliError('VALIDATION', view.problem.zh, view.problem.en);
      session.print(view.folder === '' ? '尚未设置扫描仪输出文件夹 / no scanner output folder is set' : view.entries.map(entryLine).join('\n'), view);
    }));

  inbox
    .command('file <archive-number> [names...]')
    .description('把收件箱中的文件归入档案（清单项） / file inbox files onto a dossier (checklist item)')
    .option('--item <key>', '清单项（见 type list） / the checklist item')
    .option('--all', '收件箱中全部可归档的文件 / every file in the inbox that can be filed')
    .action(run(async (session, archiveNumber: string, names: string[], options: { item?: string; all?: boolean }) => {
      if (options.all === (names.length > 0)) throw cliError('VALIDATION', '请给出文件名，或使用 --all（二者择一）', 'Name the files, or use --all (one of the two)');
      await session.signIn();
      const view = await session.call('inbox:list', { settle: true });
      const chosen = options.all ? view.entries.filter((e) => e.state === 'scan').map((e) => e.name) : names;
      if (chosen.length === 0) throw cliError('NOT_FOUND', '扫描收件箱中没有可归档的文件', 'The scan inbox has no file to file');
      const outcomes: InboxFiling[] = [];
      for (let start = 0; start < chosen.length; start += MAX_SCANS_PER_FILING) {
        outcomes.push(await session.call('inbox:file', { names: chosen.slice(start, start + MAX_SCANS_PER_FILING), archiveNumber, ...(options.item ? { checklistItem: options.item } : {}) }));
      }
      const outcome: InboxFiling = { filings: outcomes.flatMap((o) => o.filings), alreadyFiled: outcomes.flatMap((o) => o.alreadyFiled), sheets: outcomes.flatMap((o) => o.sheets), left: outcomes.flatMap((o) => o.left), taken: outcomes.flatMap((o) => o.taken) };
      session.print(filingLines(outcome), outcome);
    }));

  inbox
    .command('auto-file')
    .description('按扫描封面和分隔页自动归档 / file the inbox by its scan cover and separator sheets')
    .action(run(async (session) => {
      await session.signIn();
      await session.call('inbox:list', { settle: true });
      const outcome = await session.call('inbox:auto-file', {});
      session.print(filingLines(outcome), outcome);
    }));
}
