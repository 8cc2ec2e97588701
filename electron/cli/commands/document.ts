import type { Command } from 'commander';
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
        pages: options.pages === undefined ? 1 : Number(options.pages),
        ...(options.level ? { level: await levelFromOption(session, options.level) } : {}),
        ...(options.remarks ? { remarks: options.remarks } : {}),
      });
      const status = detail.complete ? '齐全 / complete' : `缺 ${detail.missingItems.length} 项 / missing: ${detail.missingItems.map((m) => m.name).join('、')}`;
      session.print(`${detail.archiveNumber}\t${detail.documents.length} 份文件 / documents\t${status}`, detail);
    }));
}
