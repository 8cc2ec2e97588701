import type { Command } from 'commander';
import type { DossierDetail } from '../../../shared/contract';
import { cliError } from '../cli-error';
import { levelFromOption } from '../level-option';
import type { Run } from '../program';

interface AddOptions {
  item?: string;
  title?: string;
  group?: string;
  date?: string;
  copy?: boolean;
  pages?: string;
  level?: string;
  remarks?: string;
}

interface UpdateOptions {
  title?: string;
  group?: string;
  date?: string;
  copy?: boolean;
  original?: boolean;
  pages?: string;
  level?: string;
  remarks?: string;
}

/** A whole number of pages, or a usage error. */
function pagesOf(value: string): number {
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 0) throw cliError('VALIDATION', `页数应为整数：“${value}”`, `The page count is a whole number: "${value}"`);
  return pages;
}

function summaryLine(detail: DossierDetail): string {
  const status = detail.complete ? '齐全 / complete' : `缺 ${detail.missingItems.length} 项 / missing: ${detail.missingItems.map((m) => m.name).join('、')}`;
  return `${detail.archiveNumber}\t${detail.documents.length} 份文件 / documents\t${status}`;
}

export function registerDocumentCommands(program: Command, run: Run): void {
  const document = program.command('document').description('卷内文件 / documents in a dossier');

  document
    .command('add <archive-number>')
    .description('登记一份卷内文件，输出档案的齐全情况 / file a document and print the dossier’s completeness')
    .option('--item <key>', '对应的清单项（见 type list），题名默认取清单项名称 / the checklist item it fulfils')
    .option('--title <text>', '文件题名 / title')
    .option('--group <key>', '分组 / group')
    .option('--date <date>', '文件日期 YYYY-MM-DD / document date')
    .option('--copy', '复印件（默认按清单项的要求） / a copy (default: as the checklist item expects)')
    .option('--pages <n>', '页数（默认 1） / pages (default 1)')
    .option('--level <level>', '文件密级（默认同档案） / the document’s level (default: the dossier’s)')
    .option('--remarks <text>', '备注 / remarks')
    .action(run(async (session, archiveNumber: string, options: AddOptions) => {
      await session.signIn();
      const detail = await session.call('document:add', {
        archiveNumber,
        ...(options.item ? { checklistItem: options.item } : {}),
        ...(options.title ? { title: options.title } : {}),
        ...(options.group ? { groupKey: options.group } : {}),
        ...(options.date ? { docDate: options.date } : {}),
        ...(options.copy ? { form: 'copy' as const } : {}),
        pages: options.pages === undefined ? 1 : pagesOf(options.pages),
        ...(options.level ? { level: await levelFromOption(session, options.level) } : {}),
        ...(options.remarks ? { remarks: options.remarks } : {}),
      });
      await session.show(detail, summaryLine);
    }));

  document
    .command('update <id>')
    .description('更正一份卷内文件（编号见 dossier show 的 #） / correct a document (its #id as dossier show lists it)')
    .option('--title <text>', '文件题名 / title')
    .option('--group <key>', '移到另一分组（排在末尾）；空值：不分组 / move to another group (at its end); empty: no group')
    .option('--date <date>', '文件日期 YYYY-MM-DD；空值清除 / document date; empty clears it')
    .option('--copy', '复印件 / a copy')
    .option('--original', '原件 / the original')
    .option('--pages <n>', '页数 / pages')
    .option('--level <level>', '文件密级 / the document’s level')
    .option('--remarks <text>', '备注；空值清除 / remarks; empty clears them')
    .action(run(async (session, id: string, options: UpdateOptions) => {
      const documentId = Number(id.replace(/^#/, ''));
      if (!Number.isInteger(documentId) || documentId < 1) throw cliError('VALIDATION', `文件编号应为正整数，如 #12：“${id}”`, `A document id is a positive whole number, e.g. #12: "${id}"`);
      if (options.copy && options.original) throw cliError('VALIDATION', '--copy 与 --original 只能选一个', 'Choose --copy or --original, not both');
      await session.signIn();
      const detail = await session.call('document:update', {
        id: documentId,
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.group !== undefined ? { groupKey: options.group.trim() || null } : {}),
        ...(options.date !== undefined ? { docDate: options.date.trim() || null } : {}),
        ...(options.copy ? { form: 'copy' as const } : options.original ? { form: 'original' as const } : {}),
        ...(options.pages !== undefined ? { pages: pagesOf(options.pages) } : {}),
        ...(options.level ? { level: await levelFromOption(session, options.level) } : {}),
        ...(options.remarks !== undefined ? { remarks: options.remarks.trim() || null } : {}),
      });
      await session.show(detail, summaryLine);
    }));
}
